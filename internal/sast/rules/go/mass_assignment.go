//go:build ignore

package fixtures

import (
	"encoding/json"
	"net/http"

	"github.com/gin-gonic/gin"
	"gorm.io/gorm"
)

type Account struct {
	ID      uint
	Name    string
	Role    string
	Balance int64
}

type accountInput struct {
	Name string `json:"name" binding:"required"`
}

func createAccount(db *gorm.DB) gin.HandlerFunc {
	return func(c *gin.Context) {
		var acct Account
		if err := c.ShouldBindJSON(&acct); err != nil {
			c.AbortWithStatus(http.StatusBadRequest)
			return
		}
		// ruleid: go.http.mass-assignment
		db.Create(&acct)
		c.JSON(http.StatusCreated, acct)
	}
}

func updateAccount(db *gorm.DB, w http.ResponseWriter, r *http.Request) {
	var acct Account
	db.First(&acct, r.PathValue("id"))
	json.NewDecoder(r.Body).Decode(&acct)
	// ruleid: go.http.mass-assignment
	db.Save(&acct)
}

func renameAccount(db *gorm.DB) gin.HandlerFunc {
	return func(c *gin.Context) {
		var in accountInput
		if err := c.ShouldBindJSON(&in); err != nil {
			c.AbortWithStatus(http.StatusBadRequest)
			return
		}
		acct := Account{Name: in.Name, Role: "member"}
		// ok: go.http.mass-assignment
		db.Create(&acct)
		var audit Account
		// ok: go.http.mass-assignment
		db.Save(&audit)
		c.JSON(http.StatusOK, acct)
	}
}
