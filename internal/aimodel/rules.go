package aimodel

import "github.com/socyber/codeaudit/internal/finding"

// Rule ids reported by the model-file analyzer.
const (
	RulePickleDangerous    = "models.pickle.dangerous-import"
	RulePickleUnknown      = "models.pickle.unknown-import"
	RulePickleNonLiteral   = "models.pickle.non-literal-import"
	RuleArchiveBomb        = "models.archive.decompression-bomb"
	RuleArchiveUnscanned   = "models.archive.unscanned"
	RuleKerasLambda        = "models.keras.lambda-layer"
	RuleKerasCustomObject  = "models.keras.custom-object"
	RuleTFPythonOp         = "models.tensorflow.python-op"
	RuleTFFileOp           = "models.tensorflow.file-op"
	RuleONNXTraversal      = "models.onnx.external-data-traversal"
	RuleONNXCustomOp       = "models.onnx.custom-operator"
	RuleGGUFTemplate       = "models.gguf.template-injection"
	RuleTokenizerTemplate  = "models.tokenizer.template-injection"
	RuleSafetensorsBad     = "models.safetensors.malformed"
	RuleManifestMismatch   = "models.manifest.digest-mismatch"
	RuleManifestMissing    = "models.manifest.missing-file"
	RuleManifestUnlisted   = "models.manifest.unlisted-file"
	RuleManifestUnverified = "models.manifest.signature-not-verified"
)

const (
	refPickle      = "https://docs.python.org/3/library/pickle.html#restricting-globals"
	refTorchLoad   = "https://pytorch.org/docs/stable/generated/torch.load.html"
	refSafetensors = "https://huggingface.co/docs/safetensors/index"
	refKeras       = "https://keras.io/api/models/model_saving_apis/model_saving_and_loading/"
	refONNXExt     = "https://onnx.ai/onnx/repo-docs/ExternalData.html"
	refGGUF        = "https://github.com/ggml-org/ggml/blob/master/docs/gguf.md"
	refJinja       = "https://jinja.palletsprojects.com/en/stable/sandbox/"
	refModelSign   = "https://github.com/sigstore/model-transparency"
	refCWE         = "https://cwe.mitre.org/data/definitions/"
)

const pickleRemediation = `Do not load this file with pickle, torch.load(weights_only=False), joblib
or numpy.load(allow_pickle=True). Get the model from its publisher again, or
convert trusted weights to safetensors and load those:
  from safetensors.torch import load_file
  state = load_file("model.safetensors")
If a pickle must be read, use torch.load(path, weights_only=True), which
only rebuilds tensors and refuses other imports.`

const templateRemediation = `A chat template only needs loops, conditions and the message fields. Remove
constructs that reach Python internals (__class__, __globals__, attr(),
os, popen), take the template from the upstream model again, and render
templates in a sandbox:
  from jinja2.sandbox import ImmutableSandboxedEnvironment
  env = ImmutableSandboxedEnvironment()`

// ruleList returns the analyzer's rules; rule metadata lives only here.
func ruleList() []finding.Rule {
	rs := []finding.Rule{
		{
			ID:          RulePickleDangerous,
			Title:       "Pickle in a model file imports a dangerous callable",
			Description: "The pickle stream imports a callable that runs commands, evaluates code, loads another pickle, touches files or the network, or reaches interpreter internals. Unpickling the file (torch.load, joblib.load, pickle.load, numpy.load with allow_pickle) runs it.",
			Severity:    finding.Critical, Confidence: finding.ConfidenceHigh, CWE: "CWE-502",
			Remediation: pickleRemediation,
			References:  []string{refPickle, refTorchLoad, refCWE + "502.html"},
			Tags:        []string{"ai", "model", "pickle", "supply-chain"},
		},
		{
			ID:          RulePickleUnknown,
			Title:       "Pickle in a model file imports an unexpected callable",
			Description: "The pickle stream imports a callable that model weights do not need (not a tensor, NumPy or container rebuild helper). It may be a legitimate class of the training code (scikit-learn estimators, custom modules) or a gadget; loading the file imports and may call it.",
			Severity:    finding.Medium, Confidence: finding.ConfidenceLow, CWE: "CWE-502",
			Remediation: pickleRemediation + "\nIf the callable is expected, allow it with the models allow-imports option.",
			References:  []string{refPickle, refCWE + "502.html"},
			Tags:        []string{"ai", "model", "pickle", "supply-chain"},
		},
		{
			ID:          RulePickleNonLiteral,
			Title:       "Pickle in a model file imports a computed name",
			Description: "STACK_GLOBAL takes its module or name from something other than a string literal (the result of a call, an extension code), so the callable cannot be known without running the pickle. Legitimate serializers never do this; it hides the real import.",
			Severity:    finding.High, Confidence: finding.ConfidenceMedium, CWE: "CWE-502",
			Remediation: pickleRemediation,
			References:  []string{refPickle, refCWE + "502.html"},
			Tags:        []string{"ai", "model", "pickle", "supply-chain"},
		},
		{
			ID:          RuleArchiveBomb,
			Title:       "Model archive expands beyond safe limits",
			Description: "A zip inside or around a model file declares or yields far more data than it stores (a decompression bomb), or has too many entries. Tools that unpack it can exhaust memory or disk; its contents were not fully scanned.",
			Severity:    finding.Medium, Confidence: finding.ConfidenceHigh, CWE: "CWE-409",
			Remediation: "Do not unpack the archive with tools lacking size limits. Rebuild it from the original model files:\n  zip -r model.zip model/",
			References:  []string{refCWE + "409.html"},
			Tags:        []string{"ai", "model", "archive"},
		},
		{
			ID:          RuleArchiveUnscanned,
			Title:       "Model archive could not be inspected",
			Description: "The file is an archive the scanner cannot open or decode: a broken 7z archive, or model files inside a 7z archive packed with a method that is not decoded (AES encryption, BCJ or PPMd). Those model files, pickles in particular, were not checked.",
			Severity:    finding.Info, Confidence: finding.ConfidenceLow, CWE: "CWE-502",
			Remediation: "Ship models unencrypted as zip or 7z (LZMA/LZMA2), and prefer safetensors, so that they can be inspected:\n  7z x models.7z && codeaudit scan --scanners models models/",
			References:  []string{refSafetensors},
			Tags:        []string{"ai", "model", "archive"},
		},
		{
			ID:          RuleKerasLambda,
			Title:       "Keras model contains a Lambda layer with serialized code",
			Description: "A Lambda layer stores Python bytecode (marshal) or source in the model config. Loading the model with safe_mode=False, or with Keras 2, runs that code.",
			Severity:    finding.High, Confidence: finding.ConfidenceHigh, CWE: "CWE-94",
			Remediation: "Replace Lambda layers with built-in or registered custom layers defined in code you control, and keep safe_mode on:\n  keras.models.load_model(\"model.keras\")  # safe_mode=True is the default",
			References:  []string{refKeras, refCWE + "94.html"},
			Tags:        []string{"ai", "model", "keras"},
		},
		{
			ID:          RuleKerasCustomObject,
			Title:       "Keras model imports a custom module",
			Description: "An object in the model config names a Python module outside Keras and TensorFlow. Loading the model imports that module, running whatever it does at import time.",
			Severity:    finding.Medium, Confidence: finding.ConfidenceMedium, CWE: "CWE-829",
			Remediation: "Check that the module is part of your own code base; pass custom classes explicitly instead of letting Keras import them:\n  keras.models.load_model(\"model.keras\", custom_objects={\"MyLayer\": MyLayer})",
			References:  []string{refKeras, refCWE + "829.html"},
			Tags:        []string{"ai", "model", "keras"},
		},
		{
			ID:          RuleTFPythonOp,
			Title:       "TensorFlow graph calls back into Python",
			Description: "The SavedModel graph contains PyFunc, PyFuncStateless or EagerPyFunc operations, which run Python functions when the graph executes.",
			Severity:    finding.High, Confidence: finding.ConfidenceHigh, CWE: "CWE-94",
			Remediation: "Rebuild the model with TensorFlow operations only (no tf.py_function or tf.numpy_function) and export it again:\n  tf.saved_model.save(model, \"export/\")",
			References:  []string{"https://www.tensorflow.org/api_docs/python/tf/py_function", refCWE + "94.html"},
			Tags:        []string{"ai", "model", "tensorflow"},
		},
		{
			ID:          RuleTFFileOp,
			Title:       "TensorFlow graph reads or writes files",
			Description: "The SavedModel graph contains ReadFile, WriteFile or MatchingFiles operations: running the model touches the file system at paths chosen by the graph or its inputs.",
			Severity:    finding.Medium, Confidence: finding.ConfidenceMedium, CWE: "CWE-912",
			Remediation: "Keep file access outside the model: read inputs in your serving code and pass tensors in. Export the model without tf.io.read_file / tf.io.write_file in its graph.",
			References:  []string{"https://www.tensorflow.org/api_docs/python/tf/io/write_file", refCWE + "912.html"},
			Tags:        []string{"ai", "model", "tensorflow"},
		},
		{
			ID:          RuleONNXTraversal,
			Title:       "ONNX external data path leaves the model directory",
			Description: "A tensor's external_data location is absolute or climbs out of the model directory with '..'. Loading the model reads that file (for example /etc/passwd or a key) into a tensor.",
			Severity:    finding.High, Confidence: finding.ConfidenceHigh, CWE: "CWE-22",
			Remediation: "External data must be a relative path inside the model directory. Re-save the model:\n  onnx.save_model(model, \"model.onnx\", save_as_external_data=True, location=\"weights.bin\")",
			References:  []string{refONNXExt, refCWE + "22.html"},
			Tags:        []string{"ai", "model", "onnx"},
		},
		{
			ID:          RuleONNXCustomOp,
			Title:       "ONNX model uses a custom operator domain",
			Description: "The model imports an operator set outside the standard ONNX and ONNX Runtime domains. Running it needs a custom operator library, native code that must come from a trusted source.",
			Severity:    finding.Low, Confidence: finding.ConfidenceMedium, CWE: "CWE-829",
			Remediation: "Use standard operators where possible; otherwise build the custom operator library yourself from reviewed source and register only that one:\n  so.register_custom_ops_library(\"/opt/ops/libmyops.so\")",
			References:  []string{"https://onnxruntime.ai/docs/reference/operators/add-custom-op.html", refCWE + "829.html"},
			Tags:        []string{"ai", "model", "onnx"},
		},
		{
			ID:          RuleGGUFTemplate,
			Title:       "GGUF chat template reaches Python internals",
			Description: "The tokenizer.chat_template stored in the GGUF metadata uses Jinja constructs that reach object attributes such as __class__ or __globals__, or call os, popen or eval: rendered outside a sandbox, the template runs code on the host.",
			Severity:    finding.High, Confidence: finding.ConfidenceMedium, CWE: "CWE-1336",
			Remediation: templateRemediation,
			References:  []string{refGGUF, refJinja, refCWE + "1336.html"},
			Tags:        []string{"ai", "model", "gguf", "llm"},
		},
		{
			ID:          RuleTokenizerTemplate,
			Title:       "Tokenizer chat template reaches Python internals",
			Description: "The chat_template of tokenizer_config.json or chat_template.jinja uses Jinja constructs that reach object attributes such as __class__ or __globals__, or call os, popen or eval: rendered outside a sandbox, the template runs code on the host.",
			Severity:    finding.High, Confidence: finding.ConfidenceMedium, CWE: "CWE-1336",
			Remediation: templateRemediation,
			References:  []string{"https://huggingface.co/docs/transformers/chat_templating", refJinja, refCWE + "1336.html"},
			Tags:        []string{"ai", "model", "llm"},
		},
		{
			ID:          RuleSafetensorsBad,
			Title:       "Malformed safetensors file",
			Description: "The safetensors header is not valid: bad JSON, a header size past the end of the file, tensor offsets out of bounds or overlapping, sizes that disagree with dtype and shape, or oversized metadata. Loaders may reject it or, if buggy, misread memory; a valid exporter never writes this.",
			Severity:    finding.Medium, Confidence: finding.ConfidenceHigh, CWE: "CWE-20",
			Remediation: "Download or export the file again and compare its digest with the publisher's:\n  from safetensors.torch import save_file\n  save_file(state_dict, \"model.safetensors\")",
			References:  []string{refSafetensors, refCWE + "20.html"},
			Tags:        []string{"ai", "model", "safetensors"},
		},
		{
			ID:          RuleManifestMismatch,
			Title:       "Model file does not match its signed or listed digest",
			Description: "The SHA-256 of a model file on disk differs from the digest recorded in the model manifest or model-signing bundle: the file was modified or replaced after it was listed.",
			Severity:    finding.High, Confidence: finding.ConfidenceHigh, CWE: "CWE-354",
			Remediation: "Do not use the file. Fetch it again from the publisher and check it:\n  sha256sum -c SHA256SUMS\nIf the change is intended, sign or list the model again.",
			References:  []string{refModelSign, refCWE + "354.html"},
			Tags:        []string{"ai", "model", "provenance"},
		},
		{
			ID:          RuleManifestMissing,
			Title:       "File listed in the model manifest is missing",
			Description: "The manifest or signature lists a file that is not present in the scanned tree, so the model cannot be checked as a whole.",
			Severity:    finding.Medium, Confidence: finding.ConfidenceHigh, CWE: "CWE-354",
			Remediation: "Restore the missing file from the publisher, or regenerate the manifest:\n  sha256sum model/* > SHA256SUMS",
			References:  []string{refModelSign, refCWE + "354.html"},
			Tags:        []string{"ai", "model", "provenance"},
		},
		{
			ID:          RuleManifestUnlisted,
			Title:       "Model file is not covered by the manifest",
			Description: "A model file lies in a directory whose manifest or signature does not list it: it was added after signing and nothing vouches for it.",
			Severity:    finding.Medium, Confidence: finding.ConfidenceMedium, CWE: "CWE-354",
			Remediation: "Remove the file, or add it to the manifest and sign the model again:\n  model_signing sign model/",
			References:  []string{refModelSign, refCWE + "354.html"},
			Tags:        []string{"ai", "model", "provenance"},
		},
		{
			ID:          RuleManifestUnverified,
			Title:       "Model signature was not verified",
			Description: "The model-signing bundle's digests were compared with the files, but its signature and certificate were not verified (that needs the signer's identity and, for keyless signing, the network). Matching digests show integrity against the bundle, not who signed it.",
			Severity:    finding.Info, Confidence: finding.ConfidenceHigh, CWE: "CWE-347",
			Remediation: "Verify the signature with the publisher's identity before use:\n  model_signing verify sigstore model/ --signature model.sig --identity publisher@example.com --identity_provider https://accounts.google.com",
			References:  []string{refModelSign, refCWE + "347.html"},
			Tags:        []string{"ai", "model", "provenance"},
		},
	}
	for i := range rs {
		rs[i].Analyzer = analyzerName
	}
	return rs
}
