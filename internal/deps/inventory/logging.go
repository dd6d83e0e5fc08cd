package inventory

import (
	"context"
	"fmt"
	"log/slog"
	"sync"

	scalibrlog "github.com/google/osv-scalibr/log"
)

// quietOnce routes osv-scalibr's process-wide logger away from stderr:
// a library never prints, so the extractors' remarks ("could not extract
// pom from pom.xml: EOF") become debug records of the default slog logger,
// shown only when the CLI runs with debug logging. Parse failures that
// matter reach the scan as Problems.
var quietOnce sync.Once

func quietScalibr() {
	quietOnce.Do(func() { scalibrlog.SetLogger(debugLogger{}) })
}

// debugLogger implements osv-scalibr's log.Logger on slog's default
// logger at debug level.
type debugLogger struct{}

func (debugLogger) log(msg string) {
	slog.Default().Log(context.Background(), slog.LevelDebug, "osv-scalibr: "+msg)
}

func (l debugLogger) Errorf(format string, args ...any) { l.log(fmt.Sprintf(format, args...)) }
func (l debugLogger) Warnf(format string, args ...any)  { l.log(fmt.Sprintf(format, args...)) }
func (l debugLogger) Infof(format string, args ...any)  { l.log(fmt.Sprintf(format, args...)) }
func (l debugLogger) Debugf(format string, args ...any) { l.log(fmt.Sprintf(format, args...)) }
func (l debugLogger) Error(args ...any)                 { l.log(fmt.Sprint(args...)) }
func (l debugLogger) Warn(args ...any)                  { l.log(fmt.Sprint(args...)) }
func (l debugLogger) Info(args ...any)                  { l.log(fmt.Sprint(args...)) }
func (l debugLogger) Debug(args ...any)                 { l.log(fmt.Sprint(args...)) }
