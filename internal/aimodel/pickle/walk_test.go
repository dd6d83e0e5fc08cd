package pickle_test

import (
	"bytes"
	"context"
	"errors"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/socyber/codeaudit/internal/aimodel/internal/testmodels"
	"github.com/socyber/codeaudit/internal/aimodel/pickle"
)

func walk(t testing.TB, b []byte) *pickle.Report {
	t.Helper()
	rep, err := pickle.Walk(context.Background(), bytes.NewReader(b), pickle.Limits{})
	if err != nil {
		t.Fatalf("Walk: %v", err)
	}
	return rep
}

func TestMaliciousPayloads(t *testing.T) {
	pol := pickle.DefaultPolicy()
	for _, p := range testmodels.Malicious() {
		t.Run(p.Name, func(t *testing.T) {
			rep := walk(t, p.Bytes)
			if rep.Malformed != "" || rep.Stopped != "" || rep.Pickles != 1 {
				t.Errorf("walk: malformed %q, stopped %q, pickles %d", rep.Malformed, rep.Stopped, rep.Pickles)
			}
			var found *pickle.Import
			for i := range rep.Imports {
				if rep.Imports[i].Callable() == p.Callable {
					found = &rep.Imports[i]
				}
			}
			if found == nil {
				t.Fatalf("imports %+v lack %s", rep.Imports, p.Callable)
			}
			if len(found.Uses) == 0 {
				t.Errorf("%s has no recorded use", p.Callable)
			}
			if v := pol.Judge(found.Module, found.Name).Verdict; v != pickle.Critical {
				t.Errorf("Judge(%s) = %v, want critical", p.Callable, v)
			}
		})
	}
}

func TestStateDictIsAllowed(t *testing.T) {
	rep := walk(t, testmodels.StateDict())
	if rep.Malformed != "" || rep.Stopped != "" {
		t.Fatalf("malformed %q, stopped %q", rep.Malformed, rep.Stopped)
	}
	pol := pickle.DefaultPolicy()
	var got []string
	for _, imp := range rep.Imports {
		got = append(got, imp.Callable())
		if j := pol.Judge(imp.Module, imp.Name); j.Verdict != pickle.Allowed {
			t.Errorf("%s judged %v", imp.Callable(), j.Verdict)
		}
	}
	want := []string{"collections.OrderedDict", "torch._utils._rebuild_tensor_v2", "torch.FloatStorage"}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("imports (-want +got):\n%s", diff)
	}
	if rep.Protocol != 2 {
		t.Errorf("protocol %d", rep.Protocol)
	}
}

func TestNonLiteralImport(t *testing.T) {
	rep := walk(t, testmodels.NonLiteral())
	if len(rep.NonLiteral) != 1 || rep.NonLiteral[0].Opcode != "STACK_GLOBAL" {
		t.Fatalf("non-literal = %+v", rep.NonLiteral)
	}
	if want := "module is the result of a call, name is a string"; rep.NonLiteral[0].Detail != want {
		t.Errorf("detail %q, want %q", rep.NonLiteral[0].Detail, want)
	}
}

func TestJudge(t *testing.T) {
	pol := pickle.DefaultPolicy("mylib.layers.*")
	tests := []struct {
		module, name string
		want         pickle.Verdict
	}{
		{"os", "system", pickle.Critical},
		{"os.path", "join", pickle.Critical},
		{"nt", "system", pickle.Critical},
		{"__builtin__", "eval", pickle.Critical},
		{"builtins", "__import__", pickle.Critical},
		{"builtins", "getattr", pickle.Dangerous},
		{"builtins", "open", pickle.Dangerous},
		{"socket", "create_connection", pickle.Dangerous},
		{"webbrowser", "open", pickle.Dangerous},
		{"shutil", "rmtree", pickle.Dangerous},
		{"torch._utils", "_rebuild_tensor_v2", pickle.Allowed},
		{"torch", "BFloat16Storage", pickle.Allowed},
		{"numpy.core.multiarray", "_reconstruct", pickle.Allowed},
		{"copy_reg", "_reconstructor", pickle.Allowed},
		{"collections", "OrderedDict", pickle.Allowed},
		{"mylib.layers", "Dense", pickle.Allowed},
		{"mylib.layers.sub", "X", pickle.Allowed},
		{"sklearn.linear_model", "LogisticRegression", pickle.Unknown},
		{"torch", "load", pickle.Critical},
		{"some.module", "__globals__", pickle.Dangerous},
	}
	for _, tt := range tests {
		if got := pol.Judge(tt.module, tt.name).Verdict; got != tt.want {
			t.Errorf("Judge(%s, %s) = %v, want %v", tt.module, tt.name, got, tt.want)
		}
	}
}

func TestBadInput(t *testing.T) {
	tests := []struct {
		name        string
		in          []byte
		wantStopped bool
		wantMal     bool
	}{
		{"huge BINBYTES8 length", new(pickle.Builder).Proto(4).Raw(0x8e, 0, 0, 0, 0, 0, 0, 0, 0x10).Stop().Bytes(), true, false},
		{"huge BINUNICODE8 length", new(pickle.Builder).Proto(4).Raw(0x8d, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff).Bytes(), true, false},
		{"memo read before write", new(pickle.Builder).Proto(2).BinGet(7).Stop().Bytes(), false, true},
		{"pop on empty stack", new(pickle.Builder).Proto(2).Reduce().Stop().Bytes(), false, true},
		{"invalid opcode", new(pickle.Builder).Proto(2).Raw(0xff).Bytes(), true, false},
		{"unterminated GLOBAL", []byte("cos\nsys"), true, false},
		{"no STOP", new(pickle.Builder).Proto(2).EmptyDict().Bytes(), true, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			rep := walk(t, tt.in)
			if (rep.Stopped != "") != tt.wantStopped || (rep.Malformed != "") != tt.wantMal {
				t.Errorf("stopped %q, malformed %q", rep.Stopped, rep.Malformed)
			}
		})
	}
}

func TestRecursiveMemo(t *testing.T) {
	// A list that contains itself, read back a million times: bounded
	// work and memory, no recursion.
	b := new(pickle.Builder).Proto(2).Raw(']').BinPut(0)
	for range 100_000 {
		b.BinGet(0).Raw('a')
	}
	rep := walk(t, b.Stop().Bytes())
	if rep.Malformed != "" || rep.Stopped != "" {
		t.Errorf("malformed %q, stopped %q", rep.Malformed, rep.Stopped)
	}
}

func TestLimits(t *testing.T) {
	b := new(pickle.Builder).Proto(2)
	for range 100 {
		b.Mark()
	}
	rep, err := pickle.Walk(context.Background(), bytes.NewReader(b.Stop().Bytes()), pickle.Limits{MaxMarks: 10})
	if err != nil || rep.Stopped == "" {
		t.Errorf("MaxMarks not enforced: %v %+v", err, rep)
	}
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if _, err := pickle.Walk(ctx, bytes.NewReader(testmodels.StateDict()), pickle.Limits{}); !errors.Is(err, context.Canceled) {
		t.Errorf("cancelled walk: %v", err)
	}
	if _, err := pickle.Walk(context.Background(), bytes.NewReader([]byte("\x00abc")), pickle.Limits{}); !errors.Is(err, pickle.ErrNotPickle) {
		t.Errorf("NUL taken for a pickle: %v", err)
	}
}

func TestTruncatedEverywhere(t *testing.T) {
	for _, p := range testmodels.Malicious() {
		for i := range p.Bytes {
			rep, err := pickle.Walk(context.Background(), bytes.NewReader(p.Bytes[:i]), pickle.Limits{})
			if err != nil && !errors.Is(err, pickle.ErrNotPickle) {
				t.Fatalf("%s[:%d]: %v", p.Name, i, err)
			}
			if err == nil && rep.Stopped == "" {
				t.Errorf("%s[:%d]: truncation not reported", p.Name, i)
			}
		}
	}
}

func TestConcatenatedPickles(t *testing.T) {
	// Legacy PyTorch: magic number, protocol, sys info, then the model.
	var b []byte
	b = append(b, new(pickle.Builder).Proto(2).Int(10).Stop().Bytes()...)
	b = append(b, new(pickle.Builder).Proto(2).Int(1001).Stop().Bytes()...)
	b = append(b, testmodels.Malicious()[3].Bytes...)
	b = append(b, 0x00, 0x01, 0x02) // raw storage bytes
	rep := walk(t, b)
	if rep.Pickles != 3 || len(rep.Imports) != 1 || rep.Imports[0].Callable() != "posix.system" {
		t.Errorf("pickles %d, imports %+v", rep.Pickles, rep.Imports)
	}
}

func FuzzWalk(f *testing.F) {
	for _, p := range testmodels.Malicious() {
		f.Add(p.Bytes)
	}
	f.Add(testmodels.StateDict())
	f.Add(testmodels.NonLiteral())
	f.Fuzz(func(t *testing.T, b []byte) {
		rep, err := pickle.Walk(context.Background(), bytes.NewReader(b), pickle.Limits{MaxOpcodes: 1 << 16})
		if err != nil && !errors.Is(err, pickle.ErrNotPickle) {
			t.Fatalf("unexpected error %v", err)
		}
		if rep != nil {
			pol := pickle.DefaultPolicy()
			for _, imp := range rep.Imports {
				pol.Judge(imp.Module, imp.Name)
			}
		}
	})
}

func BenchmarkWalkStateDict(b *testing.B) {
	// A large benign state dict: 20,000 tensors.
	one := testmodels.StateDict()
	body := one[2 : len(one)-2] // strip PROTO, keep the inner opcodes
	var buf []byte
	buf = append(buf, one[:2]...)
	for range 10_000 {
		buf = append(buf, body...)
		buf = append(buf, '0') // POP the dict again: keeps the stack flat
	}
	buf = append(buf, '.')
	b.SetBytes(int64(len(buf)))
	b.ReportAllocs()
	for b.Loop() {
		if _, err := pickle.Walk(context.Background(), bytes.NewReader(buf), pickle.Limits{}); err != nil {
			b.Fatal(err)
		}
	}
}

func TestJoblibArrayData(t *testing.T) {
	b := new(pickle.Builder).Proto(2).Global("joblib.numpy_pickle", "NumpyArrayWrapper").EmptyTuple().NewObj().
		EmptyDict().Build().Raw(0xff, 'c', 'o', 's', '\n', 's', 'y', 's', '\n').Bytes()
	rep := walk(t, b)
	if rep.Stopped == "" || len(rep.Imports) != 1 {
		t.Errorf("stopped %q imports %+v", rep.Stopped, rep.Imports)
	}
}

func TestJoblibObjectArray(t *testing.T) {
	// Wrapper, then the object array's own pickle, then the outer stream
	// goes on and imports eval.
	b := new(pickle.Builder).Proto(2).Global("joblib.numpy_pickle", "NumpyArrayWrapper").EmptyTuple().NewObj().EmptyDict().Build().Bytes()
	b = append(b, new(pickle.Builder).Proto(2).Global("os", "system").BinUnicode("id").Tuple1().Reduce().Stop().Bytes()...)
	b = append(b, new(pickle.Builder).Pop().Global("builtins", "eval").Pop().Stop().Bytes()...)
	rep := walk(t, b)
	var got []string
	for _, imp := range rep.Imports {
		got = append(got, imp.Callable())
	}
	want := []string{"joblib.numpy_pickle.NumpyArrayWrapper", "os.system", "builtins.eval"}
	if diff := cmp.Diff(want, got); diff != "" || rep.Stopped != "" {
		t.Errorf("stopped %q, imports (-want +got):\n%s", rep.Stopped, diff)
	}
}

func TestJoblibNumericArrays(t *testing.T) {
	// The raw data looks like opcodes importing os.system; it must be
	// skipped, and the import after it seen.
	data := []byte("cos\nsystem\n" + strings.Repeat("\x00", 48-11))
	for _, align := range []bool{false, true} {
		b := new(pickle.Builder).Proto(4).Bytes()
		b = append(b, testmodels.JoblibArray(align, data)...)
		b = append(b, testmodels.JoblibArray(align, data)...)
		b = append(b, new(pickle.Builder).Pop().Pop().Global("builtins", "eval").Pop().Stop().Bytes()...)
		rep := walk(t, b)
		var got []string
		for _, imp := range rep.Imports {
			got = append(got, imp.Callable())
		}
		want := []string{"joblib.numpy_pickle.NumpyArrayWrapper", "numpy.ndarray", "numpy.dtype", "builtins.eval"}
		if diff := cmp.Diff(want, got); diff != "" || rep.Stopped != "" || rep.Malformed != "" {
			t.Errorf("align %v: stopped %q malformed %q, imports (-want +got):\n%s", align, rep.Stopped, rep.Malformed, diff)
		}
	}
}
