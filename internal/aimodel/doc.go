// Package aimodel is the model-file analyzer (`--scanners models`): it
// inspects machine-learning model files by reading their bytes only, never
// loading or executing them, and checks model manifests and signature
// bundles against the files on disk.
//
// Formats: pickle streams at protocols 0-5 (package pickle) on their own or
// inside PyTorch zip and legacy tar checkpoints, joblib files (plain or
// gzip/zlib/bzip2/xz/lzma-compressed, package lzstream), NumPy .npy/.npz
// object arrays, zip and 7z archives (package sevenz); Keras .keras
// and .h5 configs (Lambda layers, custom modules); TensorFlow
// saved_model.pb and ONNX models (package modelproto); GGUF metadata
// (package gguf) and tokenizer chat templates; safetensors headers
// (package safetensors). Archives are opened with the bounds of package
// zipguard.
//
// The analyzer is both a FileAnalyzer (model files) and a ProjectAnalyzer
// (model.sig, model.manifest.json, SHA256SUMS). Components lists model
// files for the AI-BOM. CodeRules holds the ML code rules (unsafe loading,
// unpinned downloads, remote code) that run with the SAST analyzer.
package aimodel
