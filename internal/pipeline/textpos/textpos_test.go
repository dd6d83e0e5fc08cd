package textpos

import "testing"

func TestLocate(t *testing.T) {
	src := "jobs:\n  a:\n    run: |\n      echo one\n      echo ${{ x }}\n    plain: echo ${{ y }} and ${{ y }}\n    quoted: \"a ${{ z }}\"\n    e: \"x ${{ a }} \\\"q\\\"\"\n"
	f := New([]byte(src))
	for _, tc := range []struct {
		name              string
		nodeLine, nodeCol int
		value             string
		off               int
		wantLine, wantCol int
	}{
		{"literal block second line", 3, 10, "echo one\necho ${{ x }}\n", 14, 5, 12},
		{"plain scalar", 6, 12, "echo ${{ y }} and ${{ y }}", 5, 6, 17},
		{"second identical occurrence", 6, 12, "echo ${{ y }} and ${{ y }}", 18, 6, 30},
		{"double quoted", 7, 13, "a ${{ z }}", 2, 7, 16},
		{"offset past value falls back", 7, 13, "a", 5, 7, 13},
		{"escaped quote after the offset", 8, 8, "x ${{ a }} \"q\"", 2, 8, 11},
	} {
		line, col := f.Locate(tc.nodeLine, tc.nodeCol, tc.value, tc.off)
		if line != tc.wantLine || col != tc.wantCol {
			t.Errorf("%s: Locate = %d:%d, want %d:%d", tc.name, line, col, tc.wantLine, tc.wantCol)
		}
	}
}

func TestPosOffsetRoundTrip(t *testing.T) {
	f := New([]byte("ab\ncd\n\nef"))
	for off := 0; off <= 9; off++ {
		l, c := f.Pos(off)
		if got := f.Offset(l, c); got != off {
			t.Errorf("offset %d -> %d:%d -> %d", off, l, c, got)
		}
	}
	if f.Line(2) != "cd" || f.Line(3) != "" || f.Line(9) != "" {
		t.Error("Line")
	}
}
