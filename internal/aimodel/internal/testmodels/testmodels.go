// Package testmodels builds model files for tests: benign PyTorch state
// dicts and malicious pickles at several protocols, PyTorch zips, NumPy
// files, Keras archives. Everything is built byte by byte in Go; nothing is
// ever unpickled or executed.
package testmodels

import (
	"archive/zip"
	"bytes"
	"encoding/binary"
	"fmt"

	"github.com/socyber/codeaudit/internal/aimodel/pickle"
)

// Payload is a malicious pickle and what it calls.
type Payload struct {
	Name     string
	Bytes    []byte
	Callable string // module.name the scanner must report
}

// Malicious returns payloads calling os.system, posix.system, builtins.eval
// and builtins.exec with GLOBAL, INST, OBJ, STACK_GLOBAL and memoised
// operands, at protocols 0, 1, 2, 3, 4 and 5.
func Malicious() []Payload {
	var out []Payload
	add := func(name, callable string, b *pickle.Builder) {
		out = append(out, Payload{Name: name, Bytes: b.Bytes(), Callable: callable})
	}
	// Protocol 0: GLOBAL + REDUCE, as __reduce__ returning (os.system, (cmd,)).
	add("p0-os-system-reduce", "os.system",
		new(pickle.Builder).Global("os", "system").Mark().String0("id").Tuple().Reduce().Stop())
	// Protocol 0: INST calls straight away.
	add("p0-os-system-inst", "os.system",
		new(pickle.Builder).Mark().String0("touch /tmp/x").Inst("os", "system").Stop())
	// Protocol 1: OBJ with the callable first after MARK.
	add("p1-exec-obj", "builtins.exec",
		new(pickle.Builder).Mark().Global("__builtin__", "exec").BinUnicode("import os").Obj().Stop())
	// Protocol 2: posix.system, memoised.
	add("p2-posix-system", "posix.system",
		new(pickle.Builder).Proto(2).Global("posix", "system").BinPut(0).BinUnicode("id").BinPut(1).Tuple1().Reduce().Stop())
	// Protocol 3: builtins.eval.
	add("p3-eval", "builtins.eval",
		new(pickle.Builder).Proto(3).Global("builtins", "eval").BinUnicode("__import__('os').system('id')").Tuple1().Reduce().Stop())
	// Protocol 4: STACK_GLOBAL with memoised strings read back by BINGET.
	add("p4-stack-global-memo", "subprocess.check_output",
		new(pickle.Builder).Proto(4).Frame(0).
			Unicode("subprocess").Memoize().Pop().Unicode("check_output").Memoize().Pop().
			BinGet(0).BinGet(1).StackGlobal().Memoize().
			Unicode("ls").Tuple1().Reduce().Stop())
	// Protocol 5: a benign-looking state dict whose value is exec().
	add("p5-nested-exec", "builtins.exec",
		new(pickle.Builder).Proto(5).EmptyDict().Memoize().Mark().
			Unicode("weight").Unicode("builtins").Unicode("exec").StackGlobal().
			Unicode("print(1)").Tuple1().Reduce().SetItems().Stop())
	// BUILD on a dangerous constructor (NEWOBJ of runpy helper).
	add("p2-runpy-newobj", "runpy._run_code",
		new(pickle.Builder).Proto(2).Global("runpy", "_run_code").EmptyTuple().NewObj().EmptyDict().Build().Stop())
	return out
}

// NonLiteral returns a protocol 4 pickle whose STACK_GLOBAL module is the
// result of a call.
func NonLiteral() []byte {
	return new(pickle.Builder).Proto(4).
		Global("builtins", "str").Unicode("o").Tuple1().Reduce().
		Unicode("system").StackGlobal().Unicode("id").Tuple1().Reduce().Stop().Bytes()
}

// StateDict returns a benign PyTorch-style state dict pickle (protocol 2):
// an OrderedDict of two tensors rebuilt with torch._utils helpers and
// persistent storage ids.
func StateDict() []byte {
	b := new(pickle.Builder).Proto(2).Global("collections", "OrderedDict").EmptyTuple().Reduce().BinPut(0).Mark()
	for i, name := range []string{"linear.weight", "linear.bias"} {
		b.BinUnicode(name).
			Global("torch._utils", "_rebuild_tensor_v2").
			Mark().
			Mark().BinUnicode("storage").Global("torch", "FloatStorage").BinUnicode(fmt.Sprint(i)).BinUnicode("cpu").Int(4).Tuple().BinPersID().
			Int(0).Int(4).Tuple1().Int(1).Tuple1().NewFalse().
			Global("collections", "OrderedDict").EmptyTuple().Reduce().
			Tuple().Reduce()
	}
	return b.SetItems().Stop().Bytes()
}

// ZipEntry is a file inside a zip built by Zip.
type ZipEntry struct {
	Name string
	Data []byte
	// Deflate compresses the entry; PyTorch stores entries uncompressed.
	Deflate bool
}

// Zip builds a zip archive.
func Zip(entries ...ZipEntry) []byte {
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for _, e := range entries {
		m := zip.Store
		if e.Deflate {
			m = zip.Deflate
		}
		w, err := zw.CreateHeader(&zip.FileHeader{Name: e.Name, Method: m})
		if err != nil {
			panic(err)
		}
		if _, err := w.Write(e.Data); err != nil {
			panic(err)
		}
	}
	if err := zw.Close(); err != nil {
		panic(err)
	}
	return buf.Bytes()
}

// TorchZip builds a PyTorch (>= 1.6) checkpoint archive holding pkl as
// archive/data.pkl.
func TorchZip(pkl []byte) []byte {
	return Zip(
		ZipEntry{Name: "archive/data.pkl", Data: pkl},
		ZipEntry{Name: "archive/byteorder", Data: []byte("little")},
		ZipEntry{Name: "archive/data/0", Data: make([]byte, 16)},
		ZipEntry{Name: "archive/version", Data: []byte("3\n")},
	)
}

// NPY builds a NumPy .npy file with the given dtype descriptor and body.
func NPY(descr string, body []byte) []byte {
	header := fmt.Sprintf("{'descr': '%s', 'fortran_order': False, 'shape': (1,), }", descr)
	pad := 64 - (10+len(header)+1)%64
	if pad == 64 {
		pad = 0
	}
	for range pad {
		header += " "
	}
	header += "\n"
	var buf bytes.Buffer
	buf.WriteString("\x93NUMPY\x01\x00")
	_ = binary.Write(&buf, binary.LittleEndian, uint16(len(header)))
	buf.WriteString(header)
	buf.Write(body)
	return buf.Bytes()
}

// JoblibArray builds what joblib writes for a float64 array of shape
// (3, 2): the wrapper, its state, then the padding and the raw data.
func JoblibArray(align bool, data []byte) []byte {
	b := new(pickle.Builder).Global("joblib.numpy_pickle", "NumpyArrayWrapper").EmptyTuple().NewObj().
		EmptyDict().Mark().
		Unicode("subclass").Global("numpy", "ndarray").
		Unicode("shape").Int(3).Int(2).Tuple2().
		Unicode("order").Unicode("C").
		Unicode("dtype").Global("numpy", "dtype").Unicode("f8").NewFalse().Raw(0x88).Raw(0x87).Reduce().
		Mark().Int(3).Unicode("<").Raw('N', 'N', 'N').Int(-1).Int(-1).Int(0).Tuple().Build().
		Unicode("allow_mmap").Raw(0x88)
	if align {
		b.Unicode("numpy_array_alignment_bytes").Int(16)
	}
	b.SetItems().Build()
	if align {
		b.Raw(3, 0xff, 0xff, 0xff)
	}
	return append(b.Bytes(), data...)
}
