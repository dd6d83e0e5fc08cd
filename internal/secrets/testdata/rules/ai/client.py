import os
from openai import OpenAI

# ruleid: secrets.openai-api-key
client = OpenAI(api_key="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")
# ruleid: secrets.openai-api-key
batch = OpenAI(api_key="sk-svcacct-z-XVU-vquWeTI6-UoUATEzi0NLA5741FY8pPbSVsm8Vj9O7qUpN55uUEx2EW4hdP")
# ok: secrets.openai-api-key
docs = OpenAI(api_key="sk-your-openai-key")
# ruleid: secrets.anthropic-api-key
admin = Anthropic(api_key="sk-ant-admin01-h7ooM_9HIX2ooZpN97I3FxgvRfJQbKFq_oePa0qXTU9rzOV3PDgNVL2S8A9N4U0L1pvj6EaNhg9zW893QEVM75nBX5lpLAA")
# ok: secrets.anthropic-api-key
prefix = "sk-ant-api03-..."
# ruleid: secrets.huggingface-token
login(token="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")
# ok: secrets.huggingface-token
model = AutoModel.from_pretrained(self.hf_model_name_or_path_for_inference_only)
# ruleid: secrets.cohere-api-key
cohere_api_key = "SYTXvU2TB8rMiJfzTecsgT40YAGmwUQ4O1ZV1nnN"
