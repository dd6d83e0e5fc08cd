from transformers import AutoModel, pipeline
from huggingface_hub import hf_hub_download

# ruleid: models.code.publisher-typosquat
model = AutoModel.from_pretrained("EleuterAI/gpt-neo-125m")
# ruleid: models.code.publisher-typosquat
path = hf_hub_download(repo_id="meta-lama/Llama-3.2-1B", filename="model.safetensors")
# ruleid: models.code.publisher-typosquat
gen = pipeline("text-generation", model="mistrallai/Mistral-7B-v0.1")
# ruleid: models.code.publisher-typosquat
emb = AutoModel.from_pretrained("sentence-transfomers/all-MiniLM-L6-v2")
# ok: models.code.publisher-typosquat
model = AutoModel.from_pretrained("EleutherAI/gpt-neo-125m")
# ok: models.code.publisher-typosquat
model = AutoModel.from_pretrained("eleutherai/pythia-70m")
# ok: models.code.publisher-typosquat
path = hf_hub_download(repo_id="my-team/classifier", filename="model.safetensors")
# ok: models.code.publisher-typosquat
label = "EleuterAI/gpt-neo-125m is not loaded here"
