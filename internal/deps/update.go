package deps

import (
	"context"

	"github.com/socyber/codeaudit/internal/deps/osvdb"
)

// UpdateOptions configure UpdateDB; an empty Dir means DefaultDBDir().
type UpdateOptions = osvdb.UpdateOptions

// UpdateDB downloads the OSV database for `codeaudit db update`: see
// osvdb.Update. It is the only network access in this package.
func UpdateDB(ctx context.Context, opts UpdateOptions) error {
	if opts.Dir == "" {
		opts.Dir = DefaultDBDir()
	}
	return osvdb.Update(ctx, opts)
}
