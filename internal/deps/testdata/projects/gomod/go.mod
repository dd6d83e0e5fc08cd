module example.com/app

go 1.22

require (
	golang.org/x/text v0.3.7
	github.com/google/uuid v1.6.0
)

require golang.org/x/net v0.0.0-20210226172049-e18ecbb05110 // indirect
