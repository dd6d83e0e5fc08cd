import requests

# ruleid: secrets.github-token
INSTALLATION_TOKEN = "ghs_O9b2TJnZq4eoNTOJ3RwzUrwuoHh5bL4XbaQP"
# Every real token carries a valid checksum: this one is made up.
# ok: secrets.github-token, secrets.generic-secret
OLD_TOKEN = "ghp_5iomeivfDw1zcSEIGKxEPDIfSONhNZ2lAYYz"
# ruleid: secrets.github-fine-grained-token
headers = {"Authorization": "Bearer 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"}
# ok: secrets.github-fine-grained-token
PREFIX = "github_pat_"
# ruleid: secrets.gitlab-token
deploy = requests.get(url, auth=("deployer", "gldt-WnO0XKAPfcB16fUGLbAp"))
# ruleid: secrets.bitbucket-token
auth = ("ci-bot", "ATBBTqwEYTifnp35CEGhqVSSHfgJejo96wxq")
# ruleid: secrets.bitbucket-token
JIRA_TOKEN = "ATATT3xFfGF0moJRp39rdIvmO5DQTpLWsVae9=OiGG6eCRz-e3pcttVNsQ8NJYllIl7nzHBV9J7YICBsQCev5WfbC0iQE204ioyY4k_PdCEFSvz7H3gJHphzo8fsNBPurnwo3muVbrQJ=YoF7rKjqNA9AlE0-sV762NN1NJ2uTy9cvHEc_=yQQJzw8b4-1uA"
# ok: secrets.bitbucket-token
marker = "ATBB"
