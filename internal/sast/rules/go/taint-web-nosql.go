//go:build ignore

package fixtures

import (
	"encoding/json"
	"io"
	"net/http"

	"github.com/gin-gonic/gin"
	"go.mongodb.org/mongo-driver/bson"
	"go.mongodb.org/mongo-driver/mongo"
)

func searchOrders(orders *mongo.Collection, w http.ResponseWriter, r *http.Request) {
	var filter bson.M
	if err := json.NewDecoder(r.Body).Decode(&filter); err != nil {
		http.Error(w, "bad filter", http.StatusBadRequest)
		return
	}
	// ruleid: go.taint.nosql-operator-injection
	cur, _ := orders.Find(r.Context(), filter)
	defer cur.Close(r.Context())
}

func checkLogin(users *mongo.Collection, w http.ResponseWriter, r *http.Request) {
	var body map[string]interface{}
	json.NewDecoder(r.Body).Decode(&body)
	// ruleid: go.taint.nosql-operator-injection
	res := users.FindOne(r.Context(), bson.M{"user": body["user"], "password": body["password"]})
	_ = res
	// ok: go.taint.nosql-operator-injection
	users.FindOne(r.Context(), bson.M{"user": body["user"].(string)})
	// ok: go.taint.nosql-operator-injection, go.taint.nosql-injection
	users.FindOne(r.Context(), bson.M{"user": r.FormValue("user")})
}

type loginInput struct {
	User     string `json:"user"`
	Password string `json:"password"`
}

func checkLoginTyped(users *mongo.Collection, w http.ResponseWriter, r *http.Request) {
	var in loginInput
	if err := json.NewDecoder(r.Body).Decode(&in); err != nil {
		return
	}
	// ok: go.taint.nosql-operator-injection
	users.FindOne(r.Context(), bson.M{"user": in.User, "password": in.Password})
}

func countMatching(events *mongo.Collection, w http.ResponseWriter, r *http.Request) {
	raw, err := io.ReadAll(r.Body)
	if err != nil {
		return
	}
	var q map[string]any
	if err := json.Unmarshal(raw, &q); err != nil {
		return
	}
	// ruleid: go.taint.nosql-operator-injection
	n, _ := events.CountDocuments(r.Context(), q)
	// ok: go.taint.nosql-operator-injection
	m, _ := events.CountDocuments(r.Context(), bson.M{"note": string(raw)})
	_, _ = n, m
}

func deleteMatching(events *mongo.Collection) gin.HandlerFunc {
	return func(c *gin.Context) {
		var sel bson.M
		if err := c.ShouldBindJSON(&sel); err != nil {
			c.AbortWithStatus(http.StatusBadRequest)
			return
		}
		// ruleid: go.taint.nosql-operator-injection
		events.DeleteMany(c, sel)
	}
}

func loadSavedQuery(events *mongo.Collection, r *http.Request, saved []byte) {
	// A filter from the server's own configuration, not from the request.
	var q bson.M
	json.Unmarshal(saved, &q)
	// ok: go.taint.nosql-operator-injection
	events.Find(r.Context(), q)
}
