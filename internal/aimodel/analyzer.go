package aimodel

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"os"
	"slices"
	"strings"

	"github.com/socyber/codeaudit/internal/aimodel/pickle"
	"github.com/socyber/codeaudit/internal/aimodel/sevenz"
	"github.com/socyber/codeaudit/internal/aimodel/zipguard"
	"github.com/socyber/codeaudit/internal/analyzer"
	"github.com/socyber/codeaudit/internal/finding"
	"github.com/socyber/codeaudit/internal/source"
)

const analyzerName = "models"

// Bounds on one model file. Model files are read in pieces, never whole;
// these constants bound what must be held in memory at once.
const (
	// MaxNesting is how deep archives inside archives are opened.
	MaxNesting = 3
	// MaxInMemory is the largest nested entry read into memory (a zip
	// inside a zip needs random access).
	MaxInMemory = 256 << 20
	// MaxConfigJSON bounds a JSON config (Keras config.json, an HDF5
	// model_config attribute, tokenizer_config.json).
	MaxConfigJSON = 64 << 20
	// maxListed bounds how many callables or names one message lists.
	maxListed = 12
)

// Options configure the analyzer.
type Options struct {
	// AllowImports lists extra pickle callables the user trusts,
	// "module.name" or "module.*" (e.g. "sklearn.linear_model.*").
	// Exact entries win over the deny-list; module-wide entries do not.
	AllowImports []string
	// Zip bounds every archive opened (zero values take defaults).
	Zip zipguard.Limits
	// Pickle bounds every pickle walked (zero values take defaults).
	Pickle pickle.Limits
	// MaxHashBytes bounds the bytes hashed per manifest check (0: no
	// bound besides the context).
	MaxHashBytes int64
}

// Analyzer finds malicious or tampered model files. It is a FileAnalyzer
// (model files one by one) and a ProjectAnalyzer (manifests and signatures
// checked against the files on disk). It holds no mutable state.
type Analyzer struct {
	opts   Options
	policy *pickle.Policy
	rules  map[string]*finding.Rule
	list   []finding.Rule
}

// New returns the analyzer.
func New(opts Options) *Analyzer {
	a := &Analyzer{opts: opts, policy: pickle.DefaultPolicy(opts.AllowImports...), rules: map[string]*finding.Rule{}}
	a.list = ruleList()
	for i := range a.list {
		a.rules[a.list[i].ID] = &a.list[i]
	}
	return a
}

var (
	_ analyzer.FileAnalyzer    = (*Analyzer)(nil)
	_ analyzer.ProjectAnalyzer = (*Analyzer)(nil)
)

// Info describes the analyzer. Stream is set: the analyzer opens the files
// it wants itself (File.Abs) and reads them in bounded pieces, so the
// engine should not read them or apply its size cap.
func (a *Analyzer) Info() analyzer.Info {
	return analyzer.Info{
		Name:        analyzerName,
		Scanner:     analyzer.ScannerModels,
		Description: "Model files (pickle, PyTorch, NumPy, Keras, SavedModel, ONNX, GGUF, safetensors) and model manifests",
		Binary:      true,
		Stream:      true,
	}
}

// Rules lists the rules.
func (a *Analyzer) Rules() []finding.Rule { return slices.Clone(a.list) }

// Wants claims files by name: model formats, archives that may hold them,
// chat templates.
func (a *Analyzer) Wants(f *source.File) bool {
	return formatOf(f.Path) != formatNone
}

// AnalyzeFile inspects one model file. When t.Content is nil the file is
// opened by t.File.Abs and read in pieces.
func (a *Analyzer) AnalyzeFile(ctx context.Context, t *analyzer.Target, out analyzer.Emitter) error {
	var (
		r    io.ReaderAt
		size int64
	)
	if t.Content != nil || t.File.Abs == "" {
		r, size = bytes.NewReader(t.Content), int64(len(t.Content))
	} else {
		f, err := os.Open(t.File.Abs)
		if err != nil {
			return fmt.Errorf("open model file: %w", err)
		}
		defer f.Close()
		st, err := f.Stat()
		if err != nil {
			return fmt.Errorf("stat model file: %w", err)
		}
		r, size = f, st.Size()
	}
	s := &scan{a: a, out: out, path: t.File.Path}
	return s.blob(ctx, r, size, t.File.Path, "", 0)
}

// scan is the state of one AnalyzeFile call.
type scan struct {
	a    *Analyzer
	out  analyzer.Emitter
	path string // the file's path in the inventory
}

// where names a place: "model.pt" or "model.pt:archive/data.pkl".
func where(file, inner string) string {
	if inner == "" {
		return file
	}
	return file + ":" + inner
}

func (s *scan) loc() finding.Location {
	return finding.Location{Path: s.path, StartLine: 1, EndLine: 1}
}

func (s *scan) emit(ruleID string, loc finding.Location, msg string, props map[string]string) *finding.Finding {
	r := s.a.rules[ruleID]
	f := finding.New(r, loc, msg)
	f.Properties = props
	s.out.Emit(f)
	return &f
}

func (s *scan) warn(inner, format string, args ...any) {
	msg := fmt.Sprintf(format, args...)
	if inner != "" {
		msg = inner + ": " + msg
	}
	s.out.Warn(s.path, msg)
}

// blob dispatches one file or archive entry on its content and name.
// inner is the path inside the file ("" for the file itself).
func (s *scan) blob(ctx context.Context, r io.ReaderAt, size int64, name, inner string, depth int) error {
	if err := ctx.Err(); err != nil {
		return err
	}
	var head [512]byte
	n, _ := r.ReadAt(head[:], 0)
	kind := sniff(head[:n], name)
	switch kind {
	case formatZip:
		return s.zip(ctx, r, size, name, inner, depth)
	case formatTar:
		return s.tar(ctx, io.NewSectionReader(r, 0, size), name, inner, depth)
	case formatPickle:
		return s.pickle(ctx, io.NewSectionReader(r, 0, size), inner, 0)
	case formatCompressed:
		return s.compressed(ctx, io.NewSectionReader(r, 0, size), head[:n], name, inner, depth)
	case formatNPY:
		return s.npy(ctx, io.NewSectionReader(r, 0, size), inner)
	case formatH5:
		return s.h5(ctx, r, size, inner)
	case formatKerasMetadata:
		return s.kerasMetadata(ctx, r, size, inner)
	case formatSafetensors:
		return s.safetensors(ctx, r, size, inner)
	case formatGGUF:
		return s.gguf(ctx, io.NewSectionReader(r, 0, size), inner)
	case formatONNX:
		return s.onnx(ctx, r, size, inner)
	case formatSavedModel:
		return s.savedModel(ctx, r, size, inner)
	case formatTokenizerConfig, formatJinja:
		return s.template(ctx, r, size, kind, inner)
	case formatUnscanned:
		if sevenz.Is7z(head[:n]) {
			return s.sevenZip(ctx, r, size, inner, depth)
		}
		s.emit(RuleArchiveUnscanned, s.loc(),
			fmt.Sprintf("%s is compressed as %s, which the scanner cannot open; model files inside it were not checked.", where(s.path, inner), unscannedName(head[:n])),
			props(inner, "archive", unscannedName(head[:n])))
	}
	return nil
}

func props(inner string, kv ...string) map[string]string {
	p := map[string]string{}
	if inner != "" {
		p["inner_path"] = inner
	}
	for i := 0; i+1 < len(kv); i += 2 {
		p[kv[i]] = kv[i+1]
	}
	return p
}

// pickle walks one pickle stream and reports its imports.
func (s *scan) pickle(ctx context.Context, r io.Reader, inner string, base int64) error {
	rep, err := pickle.Walk(ctx, r, s.a.opts.Pickle)
	if err != nil {
		if err == pickle.ErrNotPickle {
			s.warn(inner, "not a pickle stream")
			return nil
		}
		return fmt.Errorf("%s: %w", where(s.path, inner), err)
	}
	s.reportPickle(rep, inner, base)
	return nil
}

type judged struct {
	imp pickle.Import
	j   pickle.Judgement
}

func (s *scan) reportPickle(rep *pickle.Report, inner string, base int64) {
	if rep.Stopped != "" {
		s.warn(inner, "pickle only partly read: %s", rep.Stopped)
	}
	if rep.Malformed != "" {
		// A real unpickler would have failed here; a crafted stream may
		// be trying to confuse scanners.
		s.warn(inner, "pickle is inconsistent: %s", rep.Malformed)
	}
	var bad, unknown []judged
	for _, imp := range rep.Imports {
		j := s.a.policy.Judge(imp.Module, imp.Name)
		switch j.Verdict {
		case pickle.Critical, pickle.Dangerous:
			bad = append(bad, judged{imp, j})
		case pickle.Unknown:
			unknown = append(unknown, judged{imp, j})
		}
	}
	w := where(s.path, inner)
	if len(bad) > 0 {
		sev := finding.High
		for _, b := range bad {
			if b.j.Verdict == pickle.Critical {
				sev = finding.Critical
			}
		}
		msg := fmt.Sprintf("%s imports %s; unpickling the file (torch.load, joblib.load, pickle.load) runs this code.", w, describeImports(bad, true))
		f := s.pickleFinding(RulePickleDangerous, msg, inner, bad, base)
		// The deny-list grades each callable; the finding takes the worst
		// grade met.
		f.Severity, f.SecuritySeverity = sev, sev.Score()
		s.out.Emit(*f)
	}
	if len(unknown) > 0 {
		msg := fmt.Sprintf("%s imports %s, which model weights do not need; loading the file imports and may call %s.",
			w, describeImports(unknown, false), plural(len(unknown), "it", "them"))
		f := s.pickleFinding(RulePickleUnknown, msg, inner, unknown, base)
		s.out.Emit(*f)
	}
	if len(rep.NonLiteral) > 0 {
		var parts []string
		for i, nl := range rep.NonLiteral {
			if i == maxListed {
				parts = append(parts, fmt.Sprintf("and %d more", len(rep.NonLiteral)-maxListed))
				break
			}
			parts = append(parts, fmt.Sprintf("%s at offset %d (%s)", nl.Opcode, base+nl.Offset, nl.Detail))
		}
		msg := fmt.Sprintf("%s imports a callable whose name is computed at load time: %s.", w, strings.Join(parts, ", "))
		p := props(inner, "offset", fmt.Sprint(base+rep.NonLiteral[0].Offset), "protocol", fmt.Sprint(rep.Protocol))
		s.emit(RulePickleNonLiteral, s.loc(), msg, p)
	}
}

// pickleFinding builds (without emitting) a pickle finding.
func (s *scan) pickleFinding(ruleID, msg, inner string, js []judged, base int64) *finding.Finding {
	var names []string
	for _, j := range js {
		names = append(names, j.imp.Callable())
	}
	f := finding.New(s.a.rules[ruleID], s.loc(), msg)
	f.Properties = props(inner, "callables", strings.Join(names, ","), "offset", fmt.Sprint(base+js[0].imp.Offset))
	return &f
}

func describeImports(js []judged, withReason bool) string {
	var parts []string
	for i, j := range js {
		if i == maxListed {
			parts = append(parts, fmt.Sprintf("and %d more", len(js)-maxListed))
			break
		}
		d := j.imp.Callable()
		var notes []string
		if len(j.imp.Uses) > 0 {
			notes = append(notes, "called by "+strings.Join(j.imp.Uses, "/"))
		} else {
			notes = append(notes, "imported by "+j.imp.Opcode)
		}
		if withReason && j.j.Reason != "" {
			notes = append(notes, j.j.Reason)
		}
		parts = append(parts, d+" ("+strings.Join(notes, "; ")+")")
	}
	return strings.Join(parts, ", ")
}

func plural(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}

// entryName is the display path of an entry inside inner.
func entryName(inner, name string) string {
	if inner == "" {
		return name
	}
	return inner + "!" + name
}
