package pickle

import "strings"

// Verdict is how a Policy judges an imported callable.
type Verdict int

// Verdicts from the harmless to the most dangerous.
const (
	// Unknown: neither allowed nor denied; reported as suspicious.
	Unknown Verdict = iota
	// Allowed: needed by legitimate model formats.
	Allowed
	// Dangerous: reads or writes files, opens connections or reaches
	// attributes and objects that lead to code execution.
	Dangerous
	// Critical: runs commands or evaluates code outright.
	Critical
)

func (v Verdict) String() string {
	switch v {
	case Allowed:
		return "allowed"
	case Dangerous:
		return "dangerous"
	case Critical:
		return "critical"
	}
	return "unknown"
}

// Judgement is a verdict with its reason.
type Judgement struct {
	Verdict Verdict
	// Reason says in a few words what the callable can do, for messages.
	Reason string
}

// Policy holds the allow- and deny-lists. Build it with DefaultPolicy; it is
// read-only afterwards and safe for concurrent use.
type Policy struct {
	allow       map[string]bool   // "module.name" or "module.*"
	deny        map[string]denied // "module.name" or "module.*"
	allowSuffix map[string]string // module -> required name suffix
}

type denied struct {
	v      Verdict
	reason string
}

// DefaultPolicy returns the built-in lists, plus extra allowed callables
// ("module.name" or "module.*") the user trusts.
func DefaultPolicy(extraAllowed ...string) *Policy {
	p := &Policy{allow: map[string]bool{}, deny: map[string]denied{}, allowSuffix: map[string]string{}}
	// What PyTorch, NumPy, joblib and scikit-learn-free state dicts need
	// to rebuild tensors and containers. These callables only construct
	// data from the arguments they are given.
	for _, c := range []string{
		"torch._utils._rebuild_tensor", "torch._utils._rebuild_tensor_v2", "torch._utils._rebuild_tensor_v3",
		"torch._utils._rebuild_parameter", "torch._utils._rebuild_parameter_with_state",
		"torch._utils._rebuild_sparse_tensor", "torch._utils._rebuild_nested_tensor",
		"torch._utils._rebuild_qtensor", "torch._utils._rebuild_device_tensor_from_numpy",
		"torch._utils._rebuild_meta_tensor_no_storage", "torch._utils._rebuild_wrapper_subclass",
		"torch._tensor._rebuild_from_type_v2", "torch.nn.parameter.Parameter",
		"torch.Size", "torch.device", "torch.storage.UntypedStorage", "torch.storage.TypedStorage",
		"torch.serialization._get_layout", "torch.strided", "torch.sparse_coo",
		"torch.float16", "torch.float32", "torch.float64", "torch.bfloat16", "torch.half", "torch.float",
		"torch.double", "torch.int8", "torch.int16", "torch.int32", "torch.int64", "torch.uint8",
		"torch.bool", "torch.complex64", "torch.complex128", "torch.long", "torch.int",
		"torch.float8_e4m3fn", "torch.float8_e5m2",
		"collections.OrderedDict", "collections.defaultdict", "collections.deque", "collections.Counter",
		"builtins.set", "builtins.frozenset", "builtins.list", "builtins.dict", "builtins.tuple",
		"builtins.bytearray", "builtins.bytes", "builtins.complex", "builtins.slice", "builtins.range",
		"builtins.int", "builtins.float", "builtins.str", "builtins.bool", "builtins.object",
		"copyreg._reconstructor",
		"_codecs.encode",
		"numpy.core.multiarray._reconstruct", "numpy.core.multiarray.scalar",
		"numpy._core.multiarray._reconstruct", "numpy._core.multiarray.scalar",
		"numpy.core.numeric._frombuffer", "numpy._core.numeric._frombuffer",
		"numpy.ndarray", "numpy.dtype", "numpy.dtypes.*",
		"joblib.numpy_pickle.NumpyArrayWrapper", "sklearn.externals.joblib.numpy_pickle.NumpyArrayWrapper",
		"datetime.datetime", "datetime.date", "datetime.timedelta",
	} {
		p.allow[c] = true
	}
	// torch.FloatStorage, torch.HalfStorage, ...: legacy typed storages.
	p.allowSuffix["torch"] = "Storage"
	for _, c := range extraAllowed {
		p.allow[c] = true
	}

	critical := func(reason string, cs ...string) {
		for _, c := range cs {
			p.deny[c] = denied{Critical, reason}
		}
	}
	dangerous := func(reason string, cs ...string) {
		for _, c := range cs {
			p.deny[c] = denied{Dangerous, reason}
		}
	}
	critical("runs operating-system commands",
		"os.*", "posix.*", "nt.*", "subprocess.*", "_posixsubprocess.*", "pty.*", "commands.*",
		"popen2.*", "platform.popen", "asyncio.subprocess.*", "asyncio.create_subprocess_shell",
		"asyncio.create_subprocess_exec", "multiprocessing.*", "pexpect.*")
	critical("evaluates Python code",
		"builtins.eval", "builtins.exec", "builtins.execfile", "builtins.compile",
		"builtins.__import__", "runpy.*", "code.*", "codeop.*", "importlib.*", "imp.*",
		"marshal.*", "types.FunctionType", "types.CodeType", "types.LambdaType",
		"pdb.*", "bdb.*", "timeit.*", "ctypes.*", "_ctypes.*", "cffi.*",
		"numpy.testing._private.utils.runstring", "torch.jit.*", "torch._C.*",
		"operator.methodcaller", "functools.reduce")
	critical("loads another pickle, which can run code",
		"pickle.*", "_pickle.*", "cPickle.*", "dill.*", "cloudpickle.*", "joblib.load",
		"torch.load", "torch.storage._load_from_bytes", "numpy.load", "shelve.*", "pandas.read_pickle")
	dangerous("reads, writes or deletes files",
		"builtins.open", "builtins.file", "io.open", "io.FileIO", "_io.open", "_io.FileIO",
		"shutil.*", "tempfile.*", "pathlib.*", "glob.*", "fileinput.*", "zipfile.*", "tarfile.*")
	dangerous("opens network connections or a browser",
		"socket.*", "_socket.*", "ssl.*", "webbrowser.*", "http.*", "httplib.*", "urllib.*",
		"urllib2.*", "urllib3.*", "requests.*", "ftplib.*", "smtplib.*", "telnetlib.*",
		"xmlrpc.*", "paramiko.*", "torch.hub.*", "huggingface_hub.*")
	dangerous("reaches arbitrary attributes, globals or the interpreter",
		"builtins.getattr", "builtins.setattr", "builtins.delattr", "builtins.globals",
		"builtins.locals", "builtins.vars", "builtins.input", "builtins.breakpoint",
		"builtins.help", "builtins.exit", "builtins.quit", "operator.attrgetter",
		"operator.itemgetter", "sys.*", "gc.*", "inspect.*", "signal.*", "resource.*")
	return p
}

// py2Module maps Python 2 module names that protocols 0 to 2 write to the
// names Python 3 resolves them to (pickle's fix_imports).
func py2Module(m string) string {
	switch m {
	case "__builtin__", "exceptions":
		return "builtins"
	case "copy_reg":
		return "copyreg"
	case "cStringIO", "StringIO":
		return "io"
	}
	return m
}

// Judge grades one imported callable. Module prefixes count: a rule for
// "os.*" covers os.path.join and a rule for "http.*" covers http.client.
func (p *Policy) Judge(module, name string) Judgement {
	module = py2Module(strings.TrimSpace(module))
	name = strings.TrimSpace(name)
	full := module + "." + name
	// An exact allow entry wins; otherwise the deny-list is consulted
	// before module-wide allow entries, so allowing "os.*" does not allow
	// os.system.
	if p.allow[full] {
		return Judgement{Verdict: Allowed}
	}
	if d, ok := p.lookupDeny(module, name); ok {
		return Judgement{Verdict: d.v, Reason: d.reason}
	}
	if suffix, ok := p.allowSuffix[module]; ok && strings.HasSuffix(name, suffix) && !strings.Contains(name, ".") {
		return Judgement{Verdict: Allowed}
	}
	for m := module; m != ""; m = parent(m) {
		if p.allow[m+".*"] {
			return Judgement{Verdict: Allowed}
		}
	}
	return Judgement{Verdict: Unknown, Reason: "is not needed to load model weights"}
}

func (p *Policy) lookupDeny(module, name string) (denied, bool) {
	// A dotted name (STACK_GLOBAL with "path.join") is judged by its first
	// attribute too.
	if d, ok := p.deny[module+"."+name]; ok {
		return d, true
	}
	if i := strings.IndexByte(name, '.'); i > 0 {
		if d, ok := p.deny[module+"."+name[:i]]; ok {
			return d, true
		}
	}
	for m := module; m != ""; m = parent(m) {
		if d, ok := p.deny[m+".*"]; ok {
			return d, true
		}
	}
	// Dunder attributes reached through any module lead to globals and
	// builtins.
	if strings.HasPrefix(name, "__") && strings.HasSuffix(name, "__") && len(name) > 4 {
		return denied{Dangerous, "reaches interpreter internals"}, true
	}
	return denied{}, false
}

func parent(m string) string {
	if i := strings.LastIndexByte(m, '.'); i > 0 {
		return m[:i]
	}
	return ""
}
