//go:build ignore

package fixtures

import (
	"context"
	"log"
	"log/slog"
	"net/http"
	"os"
	"strconv"

	"go.mongodb.org/mongo-driver/bson"
	"go.mongodb.org/mongo-driver/mongo"
)

var auditLog = log.New(os.Stderr, "audit ", log.LstdFlags)

func loginFailed(w http.ResponseWriter, r *http.Request) {
	user := r.FormValue("user")
	// ruleid: go.taint.log-injection
	log.Printf("login failed for %s", user)
	// ruleid: go.taint.log-injection
	auditLog.Println("bad token from", r.Header.Get("X-Client"))
	// ok: go.taint.log-injection
	log.Printf("login failed for %q", user)
	// ok: go.taint.log-injection
	slog.Info("login failed", "user", user)
	// ok: go.taint.log-injection
	log.Printf("login failed for %s", strconv.Quote(user))
	if err := checkUser(user); err != nil {
		// ok: go.taint.log-injection
		log.Printf("check failed: %v", err)
	}
}

func ordersOf(ctx context.Context, orders *mongo.Collection, r *http.Request) {
	owner := r.URL.Query().Get("owner")
	// ruleid: go.taint.nosql-injection
	orders.Find(ctx, bson.M{"$where": "this.owner == '" + owner + "'"})
	// ruleid: go.taint.nosql-injection
	orders.Find(ctx, bson.D{bson.E{Key: "$where", Value: "this.total > " + r.FormValue("min")}})
	// ok: go.taint.nosql-injection
	orders.Find(ctx, bson.M{"owner": owner})
	// ok: go.taint.nosql-injection
	orders.Find(ctx, bson.M{"$where": "this.total > this.limit"})
}
