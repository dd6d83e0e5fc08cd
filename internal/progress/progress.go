// Package progress draws a one-line progress bar on a terminal. It stays
// silent for the first second so quick scans print nothing, and the CLI
// enables it only when stderr is a TTY and stdout carries no machine output.
package progress

import (
	"fmt"
	"io"
	"strings"
	"sync"
	"time"
)

// Delay is how long a scan runs before the bar appears.
const Delay = time.Second

// refresh limits redraws so a fast scan of many small files does not spend
// its time writing to the terminal.
const refresh = 100 * time.Millisecond

const width = 30

// Bar is a progress bar; the zero value is not usable, use New.
type Bar struct {
	w       io.Writer
	label   string
	start   time.Time
	now     func() time.Time
	mu      sync.Mutex
	last    time.Time
	drawn   bool
	stopped bool
}

// New starts a bar that writes to w (normally os.Stderr).
func New(w io.Writer, label string) *Bar {
	return &Bar{w: w, label: label, start: time.Now(), now: time.Now}
}

// Update records progress; it is safe for concurrent use.
func (b *Bar) Update(done, total int) {
	b.mu.Lock()
	defer b.mu.Unlock()
	t := b.now()
	if b.stopped || t.Sub(b.start) < Delay || (t.Sub(b.last) < refresh && done < total) {
		return
	}
	b.last = t
	b.drawn = true
	frac := 0.0
	if total > 0 {
		frac = float64(done) / float64(total)
	}
	filled := int(frac * width)
	fmt.Fprintf(b.w, "\r%s [%s%s] %d/%d files %3.0f%%", b.label, strings.Repeat("=", filled), strings.Repeat(" ", width-filled), done, total, frac*100)
}

// Stop clears the bar's line if it was drawn.
func (b *Bar) Stop() {
	b.mu.Lock()
	defer b.mu.Unlock()
	if b.drawn && !b.stopped {
		fmt.Fprintf(b.w, "\r%s\r", strings.Repeat(" ", len(b.label)+width+40))
	}
	b.stopped = true
}
