package gitdiff

import (
	"context"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

type got struct {
	Commit string
	Seq    int
	Path   string
	Text   string
	Lines  []int
}

func collect(t *testing.T, in string) []got {
	t.Helper()
	var out []got
	err := Parse(context.Background(), strings.NewReader(in), func(c *Chunk) error {
		g := got{Seq: c.Seq, Path: c.Path, Text: string(c.Text), Lines: append([]int(nil), c.Lines...)}
		if c.Commit != nil {
			g.Commit = c.Commit.Hash + "/" + c.Commit.Author + "/" + c.Commit.Email + "/" + c.Commit.Date
		}
		out = append(out, g)
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}

func TestParse(t *testing.T) {
	stream := "\x1ecommit bbb\x1fBob\x1fbob@example.org\x1f2024-02-01T10:00:00+00:00\n" +
		"\n" +
		"diff --git a/app/config.py b/app/config.py\n" +
		"index 1111111..2222222 100644\n" +
		"--- a/app/config.py\n" +
		"+++ b/app/config.py\n" +
		"@@ -3 +2,0 @@ import os\n" +
		"-KEY = 'x'\n" +
		"@@ -10,0 +12,2 @@ def f():\n" +
		"+++ not a header\n" +
		"+second\n" +
		"diff --git a/img.png b/img.png\n" +
		"Binary files a/img.png and b/img.png differ\n" +
		"diff --git a/gone.txt b/gone.txt\n" +
		"deleted file mode 100644\n" +
		"--- a/gone.txt\n" +
		"+++ /dev/null\n" +
		"@@ -1 +0,0 @@\n" +
		"-bye\n" +
		"\x1ecommit aaa\x1fAl\x1fal@example.org\x1f2024-01-01T10:00:00+00:00\n" +
		"diff --git \"a/dir/t\\tx\" \"b/dir/t\\tx\"\n" +
		"new file mode 100644\n" +
		"--- /dev/null\n" +
		"+++ \"b/dir/t\\tx\"\n" +
		"@@ -0,0 +1,2 @@\n" +
		"+one\n" +
		"+two\n" +
		"\\ No newline at end of file\n"
	want := []got{
		{Commit: "bbb/Bob/bob@example.org/2024-02-01T10:00:00+00:00", Seq: 0, Path: "app/config.py", Text: "++ not a header\nsecond", Lines: []int{12, 13}},
		{Commit: "aaa/Al/al@example.org/2024-01-01T10:00:00+00:00", Seq: 1, Path: "dir/t\tx", Text: "one\ntwo", Lines: []int{1, 2}},
	}
	if diff := cmp.Diff(want, collect(t, stream)); diff != "" {
		t.Errorf("chunks (-want +got):\n%s", diff)
	}
}

func TestParseDiffWithoutCommits(t *testing.T) {
	stream := "diff --git a/.env b/.env\nnew file mode 100644\n--- /dev/null\n+++ b/.env\n@@ -0,0 +1 @@\n+A=1\n"
	want := []got{{Path: ".env", Text: "A=1", Lines: []int{1}}}
	if diff := cmp.Diff(want, collect(t, stream)); diff != "" {
		t.Errorf("chunks (-want +got):\n%s", diff)
	}
}

func TestLongLineCut(t *testing.T) {
	long := strings.Repeat("x", MaxLine*2)
	stream := "diff --git a/a b/a\n--- a/a\n+++ b/a\n@@ -0,0 +1,2 @@\n+" + long + "\n+tail\n"
	out := collect(t, stream)
	if len(out) != 1 || len(out[0].Lines) != 2 || !strings.HasSuffix(out[0].Text, "\ntail") || len(out[0].Text) > MaxLine+10 {
		t.Errorf("long line not cut cleanly: %d chunks", len(out))
	}
}

func FuzzParse(f *testing.F) {
	f.Add("\x1ecommit a\x1fb\x1fc\x1fd\ndiff --git a/x b/x\n+++ b/x\n@@ -0,0 +1 @@\n+y\n")
	f.Add("@@ -1 +99999999999999999999 @@\n+z\n")
	f.Add("+++ \"b/\\x\"\n")
	f.Fuzz(func(t *testing.T, in string) {
		_ = Parse(context.Background(), strings.NewReader(in), func(c *Chunk) error {
			if len(c.Lines) != strings.Count(string(c.Text), "\n")+1 {
				t.Fatalf("lines %d for text %q", len(c.Lines), c.Text)
			}
			return nil
		})
	})
}
