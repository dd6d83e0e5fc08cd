const express = require("express");
const { exec } = require("child_process");

const app = express();

app.get("/archive", (req, res) => {
  const name = req.query.name;
  // The file name is interpolated into a shell command.
  exec(`tar czf /tmp/out.tgz ${name}`, (err, stdout) => {
    res.send(stdout);
  });
});

app.get("/rule", (req, res) => {
  const result = eval(req.query.expr);
  res.json({ result });
});

app.listen(3000);
