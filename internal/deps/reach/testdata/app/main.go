// Command app is a reachability fixture: it calls net/url.Parse and
// nothing in archive/tar.
package main

import (
	"fmt"
	"net/url"
)

func main() {
	u, err := url.Parse("https://example.com/a?b=c")
	fmt.Println(u, err)
}
