// Package modelproto walks the protobuf files of ONNX models and
// TensorFlow SavedModels without their generated Go types: a streaming
// field reader (Reader) over an io.ReaderAt visits only the fields needed
// and skips the rest (weights can be gigabytes) without reading them.
// Varints and tags are decoded with google.golang.org/protobuf's protowire;
// the field numbers relied upon are listed next to each walker and in
// docs/models.md.
package modelproto
