module example.com/vulnerable-app/service

go 1.21

require golang.org/x/text v0.3.7
