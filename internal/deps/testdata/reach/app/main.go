// Command reachapp is a reachability fixture: it calls cmp.Diff and no
// cmpopts function.
package main

import (
	"fmt"

	"github.com/google/go-cmp/cmp"
)

func main() {
	fmt.Println(cmp.Diff([]int{1}, []int{2}))
}
