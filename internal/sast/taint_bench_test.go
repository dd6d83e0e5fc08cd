package sast

import (
	"context"
	"fmt"
	"runtime"
	"strings"
	"sync"
	"sync/atomic"
	"testing"

	"github.com/socyber/codeaudit/internal/analyzer"
	"github.com/socyber/codeaudit/internal/finding"
	"github.com/socyber/codeaudit/internal/source"
)

// javaTaintClass generates one controller class of about 300 lines whose
// methods call helpers in other generated classes (cross-file flows,
// sanitised flows, dead branches, collections).
func javaTaintClass(i, classes int) string {
	var b strings.Builder
	next := (i + 1) % classes
	fmt.Fprintf(&b, `package com.example.gen;

import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;
import java.sql.*;
import java.util.*;

public class Gen%[1]d {
    private Connection conn;
    private String label = "gen%[1]d";

    public static String wrap(String s) {
        String out = "[" + s + "]";
        return Gen%[2]d.pad(out);
    }

    public static String pad(String s) {
        StringBuilder sb = new StringBuilder();
        sb.append(' ').append(s).append(' ');
        return sb.toString();
    }

    public static int count(String s) {
        return s == null ? 0 : s.length();
    }
`, i, next)
	for m := 0; m < 14; m++ {
		fmt.Fprintf(&b, `
    public void handle%[1]d(HttpServletRequest req, HttpServletResponse resp) throws Exception {
        String name = req.getParameter("name%[1]d");
        String other = req.getHeader("X-Other");
        int num = %[1]d + 100;
        String bar = "constant";
        if ((7 * 42) - num > 200) {
            bar = name;
        }
        Map<String, String> map = new HashMap<String, String>();
        map.put("a", name);
        map.put("b", "safe");
        List<String> list = new ArrayList<String>();
        list.add("x");
        list.add(other);
        String wrapped = Gen%[2]d.wrap(map.get("b"));
        int n = Gen%[3]d.count(name);
        Statement st = conn.createStatement();
        st.executeQuery("SELECT * FROM t WHERE a = '" + bar + "' AND b = '" + wrapped + "' LIMIT " + n);
        PreparedStatement ps = conn.prepareStatement("SELECT * FROM t WHERE c = ?");
        ps.setString(1, list.get(1));
        ResultSet rs = ps.executeQuery();
        while (rs.next()) {
            String title = rs.getString("title");
            resp.getWriter().println(Encode.forHtml(title));
        }
        if (name != null && name.length() > %[1]d) {
            st.execute("UPDATE t SET v = '" + Gen%[2]d.wrap(name) + "'");
        }
    }
`, m, next, (i+7)%classes)
	}
	b.WriteString("}\n")
	return b.String()
}

// BenchmarkTaintJava300K runs the whole SAST pass (pattern rules per
// file, then the taint phase) over a generated Java project of about
// 300,000 lines.
func BenchmarkTaintJava300K(b *testing.B) {
	const classes = 760
	var files []source.File
	contents := map[string][]byte{}
	lines := 0
	for i := range classes {
		p := fmt.Sprintf("src/main/java/com/example/gen/Gen%d.java", i)
		c := []byte(javaTaintClass(i, classes))
		lines += strings.Count(string(c), "\n")
		contents[p] = c
		files = append(files, source.File{Path: p, Size: int64(len(c)), Language: source.DetectLanguage(p, c)})
	}
	ctx := context.Background()
	a, err := New(Options{})
	if err != nil {
		b.Logf("built-in packs do not load (%v); benchmarking the taint fixture rules only", err)
		a, err = New(Options{RuleFiles: []string{"taint/testdata/java"}, RulesOnly: true})
		if err != nil {
			b.Fatal(err)
		}
	}
	defer a.Close()
	b.ReportAllocs()
	b.ResetTimer()
	var found int64
	for range b.N {
		c := &countEmitter{}
		// The per-file phase runs in a pool of GOMAXPROCS workers, as
		// the engine runs it.
		work := make(chan source.File)
		errs := make(chan error, runtime.GOMAXPROCS(0))
		var wg sync.WaitGroup
		for range runtime.GOMAXPROCS(0) {
			wg.Go(func() {
				for f := range work {
					if !a.Wants(&f) {
						continue
					}
					if err := a.AnalyzeFile(ctx, &analyzer.Target{File: f, Content: contents[f.Path]}, c); err != nil {
						errs <- err
						return
					}
				}
			})
		}
		for _, f := range files {
			work <- f
		}
		close(work)
		wg.Wait()
		close(errs)
		for err := range errs {
			b.Fatal(err)
		}
		proj := &analyzer.Project{Files: files, ReadFile: func(p string) ([]byte, error) { return contents[p], nil }}
		if err := a.AnalyzeProject(ctx, proj, c); err != nil {
			b.Fatal(err)
		}
		found = c.n.Load()
	}
	b.StopTimer()
	var ms runtime.MemStats
	runtime.ReadMemStats(&ms)
	b.ReportMetric(float64(lines), "lines")
	b.ReportMetric(float64(found), "findings")
	b.ReportMetric(float64(ms.Sys)/(1<<20), "sys-MiB")
}

type countEmitter struct{ n, warns atomic.Int64 }

func (c *countEmitter) Emit(finding.Finding) { c.n.Add(1) }
func (c *countEmitter) Warn(string, string)  { c.warns.Add(1) }
