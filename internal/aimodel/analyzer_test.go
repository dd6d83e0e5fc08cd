package aimodel_test

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"sync"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/socyber/codeaudit/internal/aimodel"
	"github.com/socyber/codeaudit/internal/aimodel/internal/testmodels"
	"github.com/socyber/codeaudit/internal/aimodel/pickle"
	"github.com/socyber/codeaudit/internal/analyzer"
	"github.com/socyber/codeaudit/internal/finding"
	"github.com/socyber/codeaudit/internal/source"
)

var update = flag.Bool("update", false, "rewrite golden files")

type collector struct {
	mu       sync.Mutex
	findings []finding.Finding
	warnings []string
}

func (c *collector) Emit(f finding.Finding) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.findings = append(c.findings, f)
}

func (c *collector) Warn(path, msg string) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.warnings = append(c.warnings, path+": "+msg)
}

// analyze writes content to name in a temporary directory and runs the
// analyzer on it the way the streaming engine will: Content nil, File.Abs
// set.
func analyze(t *testing.T, a *aimodel.Analyzer, name string, content []byte) *collector {
	t.Helper()
	dir := t.TempDir()
	abs := filepath.Join(dir, filepath.FromSlash(name))
	if err := os.MkdirAll(filepath.Dir(abs), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(abs, content, 0o644); err != nil {
		t.Fatal(err)
	}
	f := source.File{Path: name, Abs: abs, Size: int64(len(content)), Binary: true}
	if !a.Wants(&f) {
		t.Fatalf("Wants(%s) = false", name)
	}
	c := &collector{}
	if err := a.AnalyzeFile(context.Background(), &analyzer.Target{File: f}, c); err != nil {
		t.Fatalf("AnalyzeFile(%s): %v", name, err)
	}
	for _, fd := range c.findings {
		if fd.Location.Path != name || fd.Location.StartLine < 1 || fd.Message == "" {
			t.Errorf("%s: bad finding %+v", name, fd)
		}
	}
	return c
}

type modelCase struct {
	name    string
	file    string
	content []byte
	want    []string // rule ids, sorted
}

func modelCases() []modelCase {
	var cs []modelCase
	add := func(name, file string, content []byte, want ...string) {
		sort.Strings(want)
		cs = append(cs, modelCase{name, file, content, want})
	}
	for _, p := range testmodels.Malicious() {
		add("pickle "+p.Name, p.Name+".pkl", p.Bytes, aimodel.RulePickleDangerous)
	}
	mal := testmodels.Malicious()
	add("torch zip os.system", "model.pt", testmodels.TorchZip(mal[0].Bytes), aimodel.RulePickleDangerous)
	add("torch zip stack global", "pytorch_model.bin", testmodels.TorchZip(mal[5].Bytes), aimodel.RulePickleDangerous)
	add("object npy eval", "arr.npy", testmodels.NPY("|O", mal[4].Bytes), aimodel.RulePickleDangerous)
	add("npz with object npy", "arrays.npz", testmodels.Zip(testmodels.ZipEntry{Name: "a.npy", Data: testmodels.NPY("|O", mal[3].Bytes), Deflate: true}), aimodel.RulePickleDangerous)
	add("joblib gzip", "model.joblib", testmodels.Gzip(mal[2].Bytes), aimodel.RulePickleDangerous)
	add("joblib numeric arrays then exec", "clf.joblib", append(append(new(pickle.Builder).Proto(4).Bytes(), testmodels.JoblibArray(true, make([]byte, 48))...),
		new(pickle.Builder).Pop().Global("builtins", "exec").Pop().Stop().Bytes()...), aimodel.RulePickleDangerous)
	add("joblib numeric arrays benign", "ok.joblib", append(append(new(pickle.Builder).Proto(4).Bytes(), testmodels.JoblibArray(false, make([]byte, 48))...), '.'))
	add("legacy torch tar", "old.pth", testmodels.Tar("sys_info_p", testmodels.StateDict(), "pickle", mal[3].Bytes), aimodel.RulePickleDangerous)
	add("zip of models", "bundle.zip", testmodels.Zip(testmodels.ZipEntry{Name: "inner/model.pt", Data: testmodels.TorchZip(mal[1].Bytes)}), aimodel.RulePickleDangerous)
	add("unknown import", "clf.pkl", new(pickle.Builder).Proto(2).Global("sklearn.linear_model", "LogisticRegression").EmptyTuple().NewObj().EmptyDict().Build().Stop().Bytes(), aimodel.RulePickleUnknown)
	add("unknown import in zip", "est.pt", testmodels.TorchZip(new(pickle.Builder).Proto(2).Global("mypkg.models", "Net").EmptyTuple().Reduce().Stop().Bytes()), aimodel.RulePickleUnknown)
	add("non-literal import", "nl.pkl", testmodels.NonLiteral(), aimodel.RulePickleNonLiteral)
	add("non-literal import ext code", "ext.pkl", new(pickle.Builder).Proto(2).Raw(0x82, 7).EmptyTuple().Reduce().Stop().Bytes(), aimodel.RulePickleNonLiteral)
	// Benign.
	add("benign state dict pickle", "weights.pkl", testmodels.StateDict())
	add("benign torch zip", "model.pth", testmodels.TorchZip(testmodels.StateDict()))
	add("benign float npy", "x.npy", testmodels.NPY("<f4", make([]byte, 4)))
	add("benign npz", "x.npz", testmodels.Zip(testmodels.ZipEntry{Name: "x.npy", Data: testmodels.NPY("<f8", make([]byte, 8))}))
	add("raw bin weights", "weights.bin", make([]byte, 100))
	// Archives.
	add("zip bomb", "bomb.pt", testmodels.Zip(testmodels.ZipEntry{Name: "archive/data.pkl", Data: make([]byte, 20<<20), Deflate: true}), aimodel.RuleArchiveBomb)
	add("zip bomb in npz", "bomb.npz", testmodels.Zip(testmodels.ZipEntry{Name: "a.npy", Data: make([]byte, 20<<20), Deflate: true}), aimodel.RuleArchiveBomb)
	add("gzip pickle with padding", "bomb.joblib", testmodels.Gzip(append(append(new(pickle.Builder).Proto(2).Bytes(), 'N', '0'), make([]byte, 4<<20)...)))
	add("7z archive", "models.7z", []byte("7z\xbc\xaf\x27\x1c\x00\x04 rest"), aimodel.RuleArchiveUnscanned)
	readme := testmodels.ZipEntry{Name: "README.md", Data: []byte("# weights\n")}
	add("7z lzma2 pickle", "pickles.7z", testmodels.SevenZip(true, true, readme, testmodels.ZipEntry{Name: "m/model.pkl", Data: mal[1].Bytes}), aimodel.RulePickleDangerous)
	add("7z torch zip", "torch.7z", testmodels.SevenZip(true, true, readme, testmodels.ZipEntry{Name: "model.pt", Data: testmodels.TorchZip(mal[5].Bytes)}), aimodel.RulePickleDangerous)
	add("7z stored npy", "arr.7z", testmodels.SevenZip(false, false, testmodels.ZipEntry{Name: "a.npy", Data: testmodels.NPY("|O", mal[3].Bytes)}), aimodel.RulePickleDangerous)
	add("7z xz joblib", "jl.7z", testmodels.SevenZip(true, false, readme, testmodels.ZipEntry{Name: "clf.joblib", Data: testmodels.XZ(mal[2].Bytes, 0)}), aimodel.RulePickleDangerous)
	add("7z benign", "ok.7z", testmodels.SevenZip(true, true, readme, testmodels.ZipEntry{Name: "model.pth", Data: testmodels.TorchZip(testmodels.StateDict())}))
	add("7z benign text only", "docs.7z", testmodels.SevenZip(true, false, readme))
	add("7z bomb", "bomb.7z", testmodels.SevenZip(true, true, testmodels.ZipEntry{Name: "data.pkl", Data: make([]byte, 2<<20)}), aimodel.RuleArchiveBomb)
	add("7z encrypted", "secret.7z", testmodels.SevenZipAES(readme, testmodels.ZipEntry{Name: "model.pkl", Data: mal[0].Bytes}), aimodel.RuleArchiveUnscanned)
	add("7z archive in zip", "outer.zip", testmodels.Zip(testmodels.ZipEntry{Name: "m/models.7z", Data: []byte("7z\xbc\xaf\x27\x1c\x00\x04 rest")}), aimodel.RuleArchiveUnscanned)
	add("xz pickle", "model.pkl.xz", testmodels.XZ(mal[2].Bytes, 0), aimodel.RulePickleDangerous)
	add("joblib xz", "clf.joblib", testmodels.XZ(mal[6].Bytes, 16), aimodel.RulePickleDangerous)
	split := mal[5].Bytes
	add("pickle across xz streams", "split.pkl.xz", append(testmodels.XZ(split[:len(split)/2], 0), testmodels.XZ(split[len(split)/2:], 0)...), aimodel.RulePickleDangerous)
	add("joblib lzma", "clf2.joblib", testmodels.LZMA(mal[0].Bytes), aimodel.RulePickleDangerous)
	add("legacy torch tar.xz", "old.tar.xz", testmodels.XZ(testmodels.Tar("sys_info_p", testmodels.StateDict(), "pickle", mal[3].Bytes), 0), aimodel.RulePickleDangerous)
	add("xz in zip", "bundle2.zip", testmodels.Zip(testmodels.ZipEntry{Name: "m/model.pkl.xz", Data: testmodels.XZ(mal[4].Bytes, 0)}), aimodel.RulePickleDangerous)
	add("benign xz state dict", "weights.pkl.xz", testmodels.XZ(testmodels.StateDict(), 0))
	add("benign lzma joblib", "ok2.joblib", testmodels.LZMA(testmodels.StateDict()))
	add("xz of text", "notes.txt.xz", testmodels.XZ([]byte("release notes"), 0))
	add("truncated xz", "cut.pkl.xz", []byte("\xfd7zXZ\x00 rest"))
	add("lzma huge dictionary", "dict.joblib", []byte{0x5d, 0, 0, 0, 0x40, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 1, 2, 3})
	// Keras.
	add("keras lambda", "model.keras", testmodels.Keras(testmodels.KerasConfig(true, "")), aimodel.RuleKerasLambda)
	add("keras custom module", "custom.keras", testmodels.Keras(testmodels.KerasConfig(false, "evil_pkg.layers")), aimodel.RuleKerasCustomObject)
	add("keras both", "both.keras", testmodels.Keras(testmodels.KerasConfig(true, "my_project.layers")), aimodel.RuleKerasCustomObject, aimodel.RuleKerasLambda)
	add("keras benign", "ok.keras", testmodels.Keras(testmodels.KerasConfig(false, "")))
	add("keras benign tf module", "tf.keras", testmodels.Keras(testmodels.KerasConfig(false, "tensorflow.keras.layers")))
	add("h5 lambda", "model.h5", testmodels.H5(true), aimodel.RuleKerasLambda)
	add("hdf5 lambda", "model.hdf5", testmodels.H5(true), aimodel.RuleKerasLambda)
	add("h5 benign", "ok.h5", testmodels.H5(false))
	add("keras metadata lambda", "sm/keras_metadata.pb", testmodels.KerasMetadata(true), aimodel.RuleKerasLambda)
	add("keras metadata benign", "ok/keras_metadata.pb", testmodels.KerasMetadata(false))
	add("h5 weights only", "w.h5", append([]byte("\x89HDF\r\n\x1a\n"), make([]byte, 5000)...))
	// safetensors.
	add("safetensors valid", "model.safetensors", testmodels.Safetensors(`{"w":{"dtype":"F32","shape":[2],"data_offsets":[0,8]},"__metadata__":{"format":"pt"}}`, 8))
	add("safetensors empty", "empty.safetensors", testmodels.Safetensors(`{}`, 0))
	add("safetensors out of bounds", "bad.safetensors", testmodels.Safetensors(`{"w":{"dtype":"F32","shape":[64],"data_offsets":[0,256]}}`, 8), aimodel.RuleSafetensorsBad)
	add("safetensors bad json", "bad2.safetensors", testmodels.Safetensors(`{"w":`, 0), aimodel.RuleSafetensorsBad)
	// GGUF.
	add("gguf ssti", "evil.gguf", testmodels.GGUF(`{{ ''.__class__.__mro__[1].__subclasses__() }}`), aimodel.RuleGGUFTemplate)
	add("gguf popen", "evil2.gguf", testmodels.GGUF(`{% for m in messages %}{{ cycler.__init__.__globals__.os.popen('id').read() }}{% endfor %}`), aimodel.RuleGGUFTemplate)
	add("gguf benign", "ok.gguf", testmodels.GGUF(`{% for message in messages %}{{ '<|' + message['role'] + '|>' + message['content'].strip() }}{% endfor %}`))
	add("gguf benign namespace", "ok2.gguf", testmodels.GGUF(`{% set ns = namespace(sys=false) %}{% if messages[0]['role'] == 'system' %}{{ raise_exception('no system') }}{% endif %}`))
	// Tokenizer configs.
	add("tokenizer ssti", "tok/tokenizer_config.json", []byte("{\n  \"bos_token\": \"<s>\",\n  \"chat_template\": \"{{ self._TemplateReference__context.joiner.__init__.__globals__.os.popen('id') }}\"\n}\n"), aimodel.RuleTokenizerTemplate)
	add("jinja attr filter", "chat_template.jinja", []byte("{% for m in messages %}\n{{ m|attr('__class__') }}\n{% endfor %}\n"), aimodel.RuleTokenizerTemplate)
	add("tokenizer benign", "ok/tokenizer_config.json", []byte(`{"chat_template": "{% for m in messages %}{{ m['role'] + ': ' + m['content'] }}{% endfor %}"}`))
	add("tokenizer benign list", "ok2/tokenizer_config.json", []byte(`{"chat_template": [{"name": "default", "template": "{{ messages|length }}"}]}`))
	// ONNX.
	add("onnx traversal", "model.onnx", testmodels.ONNX("", "../../../etc/passwd"), aimodel.RuleONNXTraversal)
	add("onnx absolute", "abs.onnx", testmodels.ONNX("", "/root/.ssh/id_rsa"), aimodel.RuleONNXTraversal)
	add("onnx custom domain", "custom.onnx", testmodels.ONNX("com.evil.ops", ""), aimodel.RuleONNXCustomOp)
	add("onnx custom domain 2", "custom2.onnx", testmodels.ONNX("org.example", "weights.bin"), aimodel.RuleONNXCustomOp)
	add("onnx benign external", "ok.onnx", testmodels.ONNX("", "weights/model.bin"))
	add("onnx benign inline", "ok2.onnx", testmodels.ONNX("com.microsoft", ""))
	// SavedModel.
	add("savedmodel pyfunc", "sm/saved_model.pb", testmodels.SavedModel("Placeholder", "PyFunc"), aimodel.RuleTFPythonOp)
	add("savedmodel eager pyfunc", "sm2/saved_model.pb", testmodels.SavedModel("EagerPyFunc", "Identity"), aimodel.RuleTFPythonOp)
	add("savedmodel readfile", "sm3/saved_model.pb", testmodels.SavedModel("ReadFile", "WriteFile", "Identity"), aimodel.RuleTFFileOp)
	add("savedmodel writefile fn", "sm4/saved_model.pb", testmodels.SavedModel("Const", "WriteFile"), aimodel.RuleTFFileOp)
	add("savedmodel benign", "ok/saved_model.pb", testmodels.SavedModel("Placeholder", "MatMul", "SaveV2", "RestoreV2"))
	add("savedmodel benign 2", "ok2/saved_model.pb", testmodels.SavedModel("Const", "Identity"))
	return cs
}

func TestModelFiles(t *testing.T) {
	a := aimodel.New(aimodel.Options{})
	var golden strings.Builder
	for _, tc := range modelCases() {
		t.Run(tc.name, func(t *testing.T) {
			c := analyze(t, a, tc.file, tc.content)
			var got []string
			for _, f := range c.findings {
				got = append(got, f.RuleID)
				fmt.Fprintf(&golden, "%s\t%s\t%s\t%s\n", tc.file, f.RuleID, f.Severity, f.Message)
			}
			sort.Strings(got)
			if diff := cmp.Diff(tc.want, got); diff != "" {
				t.Errorf("rules (-want +got):\n%s\nwarnings: %v", diff, c.warnings)
			}
		})
	}
	checkGolden(t, "testdata/findings.golden", golden.String())
}

func checkGolden(t *testing.T, path, got string) {
	t.Helper()
	if *update {
		if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run with -update)", err)
	}
	if diff := cmp.Diff(string(want), got); diff != "" {
		t.Errorf("%s (-want +got):\n%s", path, diff)
	}
}

// TestRuleCoverage checks that every file rule has at least two positive
// and two negative cases in the tables of this package.
func TestRuleCoverage(t *testing.T) {
	a := aimodel.New(aimodel.Options{})
	pos := map[string]int{}
	for _, tc := range modelCases() {
		for _, r := range tc.want {
			pos[r]++
		}
	}
	for _, tc := range manifestCases() {
		for _, r := range tc.want {
			pos[r]++
		}
	}
	neg := len(modelCases()) // every case is negative for the rules it does not want
	for _, r := range a.Rules() {
		if err := r.Validate(); err != nil {
			t.Error(err)
		}
		if pos[r.ID] < 2 {
			t.Errorf("%s: %d positive cases, want >= 2", r.ID, pos[r.ID])
		}
	}
	if neg < 4 {
		t.Errorf("too few cases")
	}
}

func TestContentInMemory(t *testing.T) {
	// The engine's current behaviour: Content set, Abs unused.
	a := aimodel.New(aimodel.Options{})
	c := &collector{}
	f := source.File{Path: "m/model.pt", Binary: true}
	err := a.AnalyzeFile(context.Background(), &analyzer.Target{File: f, Content: testmodels.TorchZip(testmodels.Malicious()[0].Bytes)}, c)
	if err != nil || len(c.findings) != 1 {
		t.Fatalf("err %v findings %+v", err, c.findings)
	}
	got := c.findings[0]
	if !strings.HasPrefix(got.Message, "m/model.pt:archive/data.pkl imports os.system (called by REDUCE;") {
		t.Errorf("message %q", got.Message)
	}
	if got.Properties["callables"] != "os.system" || got.Properties["inner_path"] != "archive/data.pkl" {
		t.Errorf("properties %v", got.Properties)
	}
	if got.Severity != finding.Critical {
		t.Errorf("severity %v", got.Severity)
	}
}

func TestAllowImports(t *testing.T) {
	a := aimodel.New(aimodel.Options{AllowImports: []string{"sklearn.*"}})
	b := new(pickle.Builder).Proto(2).Global("sklearn.linear_model", "LogisticRegression").EmptyTuple().NewObj().Stop().Bytes()
	if c := analyze(t, a, "clf.pkl", b); len(c.findings) != 0 {
		t.Errorf("allowed import reported: %+v", c.findings)
	}
}

func TestWants(t *testing.T) {
	a := aimodel.New(aimodel.Options{})
	for p, want := range map[string]bool{
		"m/model.safetensors": true, "x.pt": true, "saved_model.pb": true, "other.pb": false,
		"main.go": false, "README.md": false, "config.json": false, "tokenizer_config.json": true,
	} {
		if got := a.Wants(&source.File{Path: p}); got != want {
			t.Errorf("Wants(%s) = %v", p, got)
		}
	}
	if info := a.Info(); !info.Binary || !info.Stream || info.Scanner != analyzer.ScannerModels {
		t.Errorf("info %+v", info)
	}
}

func TestCancelled(t *testing.T) {
	a := aimodel.New(aimodel.Options{})
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	c := &collector{}
	err := a.AnalyzeFile(ctx, &analyzer.Target{File: source.File{Path: "x.pkl"}, Content: testmodels.StateDict()}, c)
	if err == nil {
		t.Error("cancelled context not honoured")
	}
}

// Broken or over-limit compressed streams end in a warning naming the
// file, never an error or a finding.
func TestCompressedWarnings(t *testing.T) {
	a := aimodel.New(aimodel.Options{})
	xz := testmodels.XZ(testmodels.Malicious()[0].Bytes, 0)
	for name, content := range map[string][]byte{
		"cut.pkl.xz":     xz[:len(xz)/2],
		"header.pkl.xz":  []byte("\xfd7zXZ\x00 rest"),
		"dict.joblib":    {0x5d, 0, 0, 0, 0x40, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 1, 2, 3},
		"garbage.joblib": append([]byte{0x1f, 0x8b, 8, 0}, make([]byte, 40)...),
	} {
		c := analyze(t, a, name, content)
		if len(c.warnings) == 0 || !strings.HasPrefix(c.warnings[0], name+": ") {
			t.Errorf("%s: warnings %v, want one naming the file", name, c.warnings)
		}
	}
}

// Decompression that only skips data (a big tar member, the other files of
// a solid 7z folder) stops when the budget runs out.
func TestCancelledWhileDecompressing(t *testing.T) {
	a := aimodel.New(aimodel.Options{})
	big := make([]byte, 512<<10) // not too compressible: no bomb
	x := uint32(7)
	for i := range big {
		x = x*1664525 + 1013904223
		big[i] = byte(x >> 24)
	}
	for name, content := range map[string][]byte{
		"m.tar.xz": testmodels.XZ(testmodels.Tar("filler.bin", big, "pickle", testmodels.StateDict()), 0),
		"m.7z":     testmodels.SevenZip(true, true, testmodels.ZipEntry{Name: "filler.bin", Data: big}, testmodels.ZipEntry{Name: "m.pkl", Data: testmodels.StateDict()}),
	} {
		ctx := &countdown{Context: context.Background(), left: 4}
		err := a.AnalyzeFile(ctx, &analyzer.Target{File: source.File{Path: name}, Content: content}, &collector{})
		if !errors.Is(err, context.Canceled) {
			t.Errorf("%s: got %v, want context.Canceled", name, err)
		}
		if ctx.left > -1 {
			t.Errorf("%s: the budget ran out after the decompression (%d checks left)", name, ctx.left)
		}
	}
}

// countdown is a context whose budget runs out after a number of checks.
type countdown struct {
	context.Context
	left int
}

func (c *countdown) Err() error {
	c.left--
	if c.left < 0 {
		return context.Canceled
	}
	return nil
}
