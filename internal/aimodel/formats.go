package aimodel

import (
	"bytes"
	"path"
	"strings"

	"github.com/socyber/codeaudit/internal/aimodel/lzstream"
)

type format int

const (
	formatNone format = iota
	formatZip
	formatTar
	formatPickle
	formatCompressed
	formatNPY
	formatH5
	formatSafetensors
	formatGGUF
	formatONNX
	formatSavedModel
	formatTokenizerConfig
	formatJinja
	formatUnscanned
	// formatMaybePickle: a name that usually holds a pickle (.pt, .bin)
	// but whose content decides.
	formatMaybePickle
	// formatPickleName: a name that always holds a pickle (.pkl).
	formatPickleName
	formatKerasMetadata
	// formatCompressedName: .xz or .lzma, a compressed model file.
	formatCompressedName
)

// formatOf classifies a path by name only (Wants must not do I/O).
func formatOf(p string) format {
	name := strings.ToLower(path.Base(p))
	switch name {
	case "saved_model.pb":
		return formatSavedModel
	case "tokenizer_config.json":
		return formatTokenizerConfig
	case "chat_template.jinja":
		return formatJinja
	case "keras_metadata.pb":
		return formatKerasMetadata
	}
	switch path.Ext(name) {
	case ".pkl", ".pickle", ".joblib", ".jbl", ".dill":
		return formatPickleName
	case ".pt", ".pth", ".bin", ".ckpt", ".mar", ".pt2":
		return formatMaybePickle
	case ".npy":
		return formatNPY
	case ".npz", ".zip", ".keras":
		return formatZip
	case ".h5", ".hdf5":
		return formatH5
	case ".safetensors":
		return formatSafetensors
	case ".gguf":
		return formatGGUF
	case ".onnx":
		return formatONNX
	case ".7z":
		return formatUnscanned
	case ".xz", ".lzma":
		return formatCompressedName
	}
	return formatNone
}

// sniff decides the format of content named name from its first bytes.
func sniff(head []byte, name string) format {
	byName := formatOf(name)
	switch {
	case bytes.HasPrefix(head, []byte("PK\x03\x04")), bytes.HasPrefix(head, []byte("PK\x05\x06")):
		return formatZip
	case bytes.HasPrefix(head, []byte("\x93NUMPY")):
		return formatNPY
	case bytes.HasPrefix(head, []byte("GGUF")):
		return formatGGUF
	case bytes.HasPrefix(head, []byte("\x89HDF\r\n\x1a\n")):
		return formatH5
	case bytes.HasPrefix(head, []byte("7z\xbc\xaf\x27\x1c")):
		return formatUnscanned
	case lzstream.IsXZ(head):
		return formatCompressed
	case len(head) >= 262 && string(head[257:262]) == "ustar":
		return formatTar
	case len(head) >= 2 && head[0] == 0x80 && head[1] <= 5:
		return formatPickle
	}
	switch byName {
	case formatPickleName:
		if isCompressed(head) || lzstream.IsLZMA(head) {
			return formatCompressed // joblib compress=...
		}
		return formatPickle
	case formatCompressedName:
		if isCompressed(head) || lzstream.IsLZMA(head) {
			return formatCompressed
		}
		return formatNone
	case formatMaybePickle:
		return formatNone
	case formatSafetensors, formatONNX, formatSavedModel, formatTokenizerConfig, formatJinja, formatUnscanned,
		formatNPY, formatGGUF, formatZip, formatKerasMetadata:
		// The parser for the format the name promises reports what is
		// wrong with the content.
		return byName
	case formatH5:
		// HDF5 files may start with a user block; the signature is then
		// at 512, 1024, ... Look for the config anyway.
		return formatH5
	}
	return formatNone
}

// isCompressed reports gzip, zlib or bzip2 streams (joblib's compressors).
func isCompressed(head []byte) bool {
	switch {
	case bytes.HasPrefix(head, []byte{0x1f, 0x8b}):
		return true
	case bytes.HasPrefix(head, []byte("BZh")):
		return true
	case len(head) >= 2 && head[0] == 0x78 && (uint16(head[0])<<8|uint16(head[1]))%31 == 0:
		return true
	}
	return false
}

func unscannedName(head []byte) string {
	switch {
	case bytes.HasPrefix(head, []byte("7z\xbc\xaf\x27\x1c")):
		return "7z"
	}
	return "compressed"
}
