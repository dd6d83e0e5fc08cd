package source

import "log/slog"

// Language identifies a programming or configuration language.
type Language string

// Languages codeaudit recognises. Analyzers key on these; LOC statistics
// are reported per language.
const (
	Unknown    Language = ""
	Go         Language = "go"
	Python     Language = "python"
	JavaScript Language = "javascript"
	TypeScript Language = "typescript"
	Java       Language = "java"
	Kotlin     Language = "kotlin"
	Scala      Language = "scala"
	C          Language = "c"
	CPP        Language = "cpp"
	CSharp     Language = "csharp"
	Ruby       Language = "ruby"
	PHP        Language = "php"
	Rust       Language = "rust"
	Swift      Language = "swift"
	Shell      Language = "shell"
	PowerShell Language = "powershell"
	SQL        Language = "sql"
	HTML       Language = "html"
	CSS        Language = "css"
	XML        Language = "xml"
	YAML       Language = "yaml"
	JSON       Language = "json"
	TOML       Language = "toml"
	HCL        Language = "hcl"
	Dockerfile Language = "dockerfile"
	Groovy     Language = "groovy" // includes Jenkinsfile
	Markdown   Language = "markdown"
	COBOL      Language = "cobol"
)

// SkipReason says why discovery left a file or directory out.
type SkipReason string

// Reasons for skipping.
const (
	SkipIgnored   SkipReason = "ignored"   // .gitignore, .codeauditignore or an exclude pattern
	SkipVendored  SkipReason = "vendored"  // vendor/, node_modules/, third_party/ ...
	SkipGenerated SkipReason = "generated" // "Code generated ... DO NOT EDIT" and similar markers
	SkipMinified  SkipReason = "minified"  // *.min.js and bundles with very long lines
	SkipBinary    SkipReason = "binary"    // NUL bytes in the first block
	SkipOversize  SkipReason = "oversize"  // larger than Options.MaxFileSize
	SkipSymlink   SkipReason = "symlink"   // symbolic links are never followed
	SkipSpecial   SkipReason = "special"   // FIFO, socket, device
	SkipError     SkipReason = "error"     // unreadable: permission denied and the like
)

// File is one file a scan covers.
type File struct {
	// Path is relative to the scan root, with forward slashes.
	Path string `json:"path"`
	// Abs is the absolute path on disk.
	Abs      string   `json:"-"`
	Size     int64    `json:"size"`
	Language Language `json:"language,omitempty"`
	// Binary is set for files whose first block holds NUL bytes. They are
	// only in the inventory when Options.IncludeBinary is set or
	// Options.KeepBinary claims them (model files, archives).
	Binary bool `json:"binary,omitempty"`
}

// Skipped is a file or directory discovery left out, and why.
type Skipped struct {
	Path   string     `json:"path"`
	Reason SkipReason `json:"reason"`
	// Detail adds the specifics: the ignore file and pattern, the error.
	Detail string `json:"detail,omitempty"`
	Dir    bool   `json:"dir,omitempty"`
	// Excluded marks an entry left out by the operator (an exclude
	// pattern or a .codeauditignore file) rather than by git's ignore
	// files, for analyzers that read other versions of the tree (git
	// history) and must leave out the same paths.
	Excluded bool `json:"excluded,omitempty"`
}

// Inventory is the result of one walk.
type Inventory struct {
	// Root is the absolute, symlink-resolved scan root.
	Root    string
	Files   []File
	Skipped []Skipped
}

// DefaultMaxFileSize is the default cap on the size of a scanned file.
const DefaultMaxFileSize = 5 << 20

// Options controls discovery. The zero value (plus Root) gives the
// defaults: ignore files honoured, vendored, generated, minified, binary and
// oversized files skipped.
type Options struct {
	// Root is the directory (or single file) to scan.
	Root string
	// MaxFileSize caps file size in bytes; 0 means DefaultMaxFileSize,
	// negative means no cap.
	MaxFileSize int64
	// Exclude holds extra gitignore-style patterns relative to Root
	// (from --exclude and .codeaudit.yaml).
	Exclude []string
	// NoIgnoreFiles disables .gitignore and .codeauditignore handling.
	NoIgnoreFiles    bool
	IncludeVendored  bool
	IncludeGenerated bool
	IncludeMinified  bool
	IncludeBinary    bool
	// KeepBinary, when set, keeps binary files it returns true for even
	// when IncludeBinary is off (analyzers of model files and archives
	// claim theirs this way). It sees the relative path.
	KeepBinary func(path string) bool
	// KeepLarge, when set, keeps files over the size cap that it returns
	// true for (analyzers that stream files of many gigabytes claim theirs
	// this way); readers must then not read such files whole.
	KeepLarge func(path string) bool
	// Logger receives one debug record per skipped file (shown with -v).
	// Nil discards.
	Logger *slog.Logger
}
