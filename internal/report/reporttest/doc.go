// Package reporttest builds the sample results that the output formats are
// tested against: one realistic scan with findings of every severity from
// several analyzers, a multi-step trace, unicode, properties, a suppressed
// finding and a warning, all with fixed timestamps so golden files are
// stable.
package reporttest
