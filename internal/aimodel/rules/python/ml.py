import pickle
import joblib
import dill
import numpy as np
import pandas as pd
import torch
import yaml
import keras
from keras.models import load_model
from huggingface_hub import hf_hub_download, snapshot_download
from transformers import AutoModel, AutoTokenizer, pipeline

PINNED = "4f3c0a5e2b1d9c8f7a6e5d4c3b2a19087f6e5d4c"


def hub():
    # ruleid: python.ml.unpinned-model-revision
    model = AutoModel.from_pretrained("EleutherAI/gpt-neo-125m")
    # ruleid: python.ml.unpinned-model-revision
    path = hf_hub_download("org/classifier", filename="model.safetensors")
    # ruleid: python.ml.unpinned-model-revision
    snapshot_download(repo_id="org/dataset-model", revision="main")
    # ruleid: python.ml.unpinned-model-revision
    tok = AutoTokenizer.from_pretrained("bert-base/uncased", revision="v1.0")
    # ruleid: python.ml.unpinned-model-revision
    clf = pipeline("text-classification", model="org/sentiment")
    # ok: python.ml.unpinned-model-revision
    model = AutoModel.from_pretrained("EleutherAI/gpt-neo-125m", revision="4f3c0a5e2b1d9c8f7a6e5d4c3b2a19087f6e5d4c")
    # ok: python.ml.unpinned-model-revision
    model = AutoModel.from_pretrained("./checkpoints/run-7")
    # ok: python.ml.unpinned-model-revision
    path = hf_hub_download("org/classifier", filename="model.safetensors", revision=PINNED)
    # ok: python.ml.unpinned-model-revision
    clf = pipeline("text-classification", model="org/sentiment", revision="4f3c0a5e2b1d9c8f7a6e5d4c3b2a19087f6e5d4c")
    return model, path, tok, clf


def remote_code(name):
    # ruleid: python.ml.trust-remote-code
    m = AutoModel.from_pretrained(name, trust_remote_code=True, revision=PINNED)
    # ruleid: python.ml.trust-remote-code
    p = pipeline("text-generation", model=name, trust_remote_code=True)
    # ok: python.ml.trust-remote-code
    m = AutoModel.from_pretrained(name, trust_remote_code=False)
    # ok: python.ml.trust-remote-code
    m = AutoModel.from_pretrained(name, revision=PINNED)
    return m, p


def checkpoints(path, upload):
    # ruleid: python.ml.torch-load-without-weights-only
    state = torch.load(path)
    # ruleid: python.ml.torch-load-without-weights-only
    state = torch.load(upload, map_location="cpu", weights_only=False)
    # ok: python.ml.torch-load-without-weights-only
    state = torch.load(path, weights_only=True)
    # ok: python.ml.torch-load-without-weights-only
    state = torch.load(path, map_location="cpu", weights_only=True)
    return state


def pickles(request, blob):
    downloaded = hf_hub_download("org/sk", filename="clf.joblib", revision=PINNED)
    # ruleid: python.ml.pickle-load-untrusted
    clf = joblib.load(downloaded)
    # ruleid: python.ml.pickle-load-untrusted
    obj = pickle.loads(request.files["model"].read())
    # ruleid: python.ml.pickle-load-untrusted
    fn = dill.loads(blob)
    # ruleid: python.ml.pickle-load-untrusted
    arr = np.load(request.args["path"], allow_pickle=True)
    # ruleid: python.ml.pickle-load-untrusted
    df = pd.read_pickle(blob)
    # ok: python.ml.pickle-load-untrusted
    arr = np.load(request.args["path"])
    # ok: python.ml.pickle-load-untrusted
    clf = joblib.dump(clf, "out.joblib")
    # ok: python.ml.pickle-load-untrusted
    data = pickle.dumps(obj)
    return clf, obj, fn, arr, df, data


def configs(stream):
    # ruleid: python.ml.yaml-unsafe-load
    cfg = yaml.load(stream)
    # ruleid: python.ml.yaml-unsafe-load
    cfg = yaml.load(stream, Loader=yaml.FullLoader)
    # ruleid: python.ml.yaml-unsafe-load
    cfg = yaml.unsafe_load(stream)
    # ok: python.ml.yaml-unsafe-load
    cfg = yaml.load(stream, Loader=yaml.SafeLoader)
    # ok: python.ml.yaml-unsafe-load
    cfg = yaml.safe_load(stream)
    return cfg


def keras_models(path):
    # ruleid: python.ml.keras-load-unsafe-mode
    m = keras.models.load_model(path, safe_mode=False)
    # ruleid: python.ml.keras-load-unsafe-mode
    m = load_model(path, compile=False, safe_mode=False)
    # ok: python.ml.keras-load-unsafe-mode
    m = keras.models.load_model(path)
    # ok: python.ml.keras-load-unsafe-mode
    m = keras.models.load_model(path, safe_mode=True)
    return m
