import { pipeline, AutoModel, AutoTokenizer } from "@huggingface/transformers";

export async function load() {
  // ruleid: javascript.ml.unpinned-model-revision
  const clf = await pipeline("sentiment-analysis", "Xenova/distilbert-base-uncased-finetuned-sst-2-english");
  // ruleid: javascript.ml.unpinned-model-revision
  const model = await AutoModel.from_pretrained("Xenova/bert-base-uncased", { dtype: "q8" });
  // ok: javascript.ml.unpinned-model-revision
  const tok = await AutoTokenizer.from_pretrained("Xenova/bert-base-uncased", { revision: "4f3c0a5e2b1d9c8f7a6e5d4c3b2a19087f6e5d4c" });
  // ok: javascript.ml.unpinned-model-revision
  const local = await pipeline("feature-extraction", "./models/local");
  return [clf, model, tok, local];
}
