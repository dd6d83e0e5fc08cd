import { pipeline } from "@huggingface/transformers";

// ruleid: models.code.publisher-typosquat
const a = await pipeline("sentiment-analysis", "Xenoca/distilbert-base-uncased");
// ok: models.code.publisher-typosquat
const b = await pipeline("sentiment-analysis", "Xenova/distilbert-base-uncased");
// ok: models.code.publisher-typosquat
const c = await pipeline("feature-extraction", "acme/embedder");
