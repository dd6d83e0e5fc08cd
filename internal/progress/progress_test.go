package progress

import (
	"strings"
	"testing"
	"time"
)

func TestBar(t *testing.T) {
	var sb strings.Builder
	b := New(&sb, "scanning")
	clock := b.start
	b.now = func() time.Time { return clock }
	b.Update(1, 10)
	if sb.Len() != 0 {
		t.Fatal("bar drawn before the delay")
	}
	clock = clock.Add(2 * time.Second)
	b.Update(5, 10)
	if !strings.Contains(sb.String(), "5/10 files") {
		t.Errorf("bar = %q", sb.String())
	}
	b.Stop()
	n := sb.Len()
	b.Update(10, 10)
	if sb.Len() != n {
		t.Error("bar drawn after Stop")
	}
}

func TestQuickScanDrawsNothing(t *testing.T) {
	var sb strings.Builder
	b := New(&sb, "scanning")
	b.Update(10, 10)
	b.Stop()
	if sb.Len() != 0 {
		t.Errorf("quick scan wrote %q", sb.String())
	}
}
