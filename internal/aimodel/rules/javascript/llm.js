import express from "express";
import OpenAI from "openai";
import Anthropic from "@anthropic-ai/sdk";
import { SystemMessage, HumanMessage } from "@langchain/core/messages";
import child_process from "child_process";
import vm from "vm";

const openai = new OpenAI();
const anthropic = new Anthropic();
const app = express();
const SYSTEM_PROMPT = "You are the support assistant of Example Corp. Answer briefly.";

app.post("/chat", async (req, res) => {
  const completion = await openai.chat.completions.create({
    model: "gpt-4o",
    messages: [
      // ruleid: javascript.llm.untrusted-input-in-system-prompt
      { role: "system", content: `You are helping ${req.body.name}. Follow their style guide.` },
      { role: "user", content: req.body.question },
    ],
  });
  res.json(completion.choices[0].message);
});

app.post("/chat/safe", async (req, res) => {
  const completion = await openai.chat.completions.create({
    model: "gpt-4o",
    messages: [
      // ok: javascript.llm.untrusted-input-in-system-prompt
      { role: "system", content: SYSTEM_PROMPT },
      // ok: javascript.llm.untrusted-input-in-system-prompt
      { role: "user", content: req.body.question },
    ],
  });
  res.json(completion.choices[0].message);
});

export async function translate(userInput) {
  return anthropic.messages.create({
    model: "claude-sonnet-4-5",
    max_tokens: 1024,
    // ruleid: javascript.llm.untrusted-input-in-system-prompt
    system: "You are a translator. Extra rules: " + userInput,
    messages: [{ role: "user", content: "Translate the text." }],
  });
}

export async function runGenerated(task) {
  const r = await openai.chat.completions.create({ model: "gpt-4o", messages: [{ role: "user", content: task }] });
  const code = r.choices[0].message.content;
  // ruleid: javascript.llm.output-to-code-execution
  return eval(code);
}

export async function calculate(model, expression) {
  const msg = await anthropic.messages.create({ model: "claude-sonnet-4-5", max_tokens: 100, messages: [{ role: "user", content: expression }] });
  // ruleid: javascript.llm.output-to-code-execution
  return vm.runInNewContext(msg.content[0].text, {});
}

export async function calculateSafely(model, expression) {
  const r = await openai.responses.create({ model: "gpt-4o", input: `Compute ${expression}; reply with a number` });
  // ok: javascript.llm.output-to-code-execution
  return Number(r.output_text);
}

export function loadConfig(text) {
  // ok: javascript.llm.output-to-code-execution
  return eval("(" + JSON.stringify(text) + ")");
}

export async function agentShell(goal) {
  const r = await openai.responses.create({ model: "gpt-4o", input: goal });
  const cmd = r.output_text;
  // ruleid: javascript.llm.output-to-shell
  return child_process.execSync(cmd);
}

export async function agentShell2(chain, goal) {
  // ruleid: javascript.llm.output-to-shell
  child_process.exec("sh -c '" + (await chain.invoke({ goal })).content + "'");
}

export async function agentTools(goal) {
  const r = await openai.responses.create({ model: "gpt-4o", input: goal });
  const tool = { status: ["git", ["status"]] }[r.output_text.trim()];
  // ok: javascript.llm.output-to-shell
  return child_process.execFile(tool[0], tool[1]);
}

export function diskUsage() {
  // ok: javascript.llm.output-to-shell
  return child_process.execSync("df -h");
}

export async function textToSql(db, question) {
  const r = await openai.chat.completions.create({ model: "gpt-4o", messages: [{ role: "user", content: question }] });
  const sql = r.choices[0].message.content;
  // ruleid: javascript.llm.output-to-sql
  return db.query(sql);
}

export async function textToSql2(pool, chain, question) {
  // ruleid: javascript.llm.output-to-sql
  return pool.query("SELECT * FROM (" + (await chain.invoke({ question })).content + ") q LIMIT 100");
}

export async function storeAnswer(db, question) {
  const r = await openai.chat.completions.create({ model: "gpt-4o", messages: [{ role: "user", content: question }] });
  const answer = r.choices[0].message.content;
  // ok: javascript.llm.output-to-sql
  return db.query("INSERT INTO answers (q, a) VALUES ($1, $2)", [question, answer]);
}

export async function countRows(db) {
  // ok: javascript.llm.output-to-sql
  return db.query("SELECT count(*) FROM answers");
}

export async function showAnswer(el, question) {
  const r = await openai.chat.completions.create({ model: "gpt-4o", messages: [{ role: "user", content: question }] });
  const reply = r.choices[0].message.content;
  // ruleid: javascript.llm.output-to-html
  el.innerHTML = "<div class='answer'>" + reply + "</div>";
}

export async function showAnswer2(question) {
  const r = await openai.responses.create({ model: "gpt-4o", input: question });
  // ruleid: javascript.llm.output-to-html
  document.write(r.output_text);
}

export async function showAnswerSafely(el, question) {
  const r = await openai.responses.create({ model: "gpt-4o", input: question });
  // ok: javascript.llm.output-to-html
  el.textContent = r.output_text;
}

export function banner(el) {
  // ok: javascript.llm.output-to-html
  el.innerHTML = "<b>Beta</b>";
}

export async function leakyPrompt(question) {
  return openai.chat.completions.create({
    model: "gpt-4o",
    messages: [
      // ruleid: javascript.llm.secret-in-prompt
      { role: "system", content: `Use key ${process.env.BILLING_API_KEY} for the billing tool.` },
      { role: "user", content: question },
    ],
  });
}

export async function leakyPrompt2(dbPassword, question) {
  // ruleid: javascript.llm.secret-in-prompt
  const prompt = `Connect with password ${dbPassword} and answer: ${question}`;
  return openai.responses.create({ model: "gpt-4o", input: prompt });
}

export async function carefulPrompt(question) {
  // ok: javascript.llm.secret-in-prompt
  const prompt = "Never ask the user for their password. Question: " + question;
  return openai.responses.create({ model: "gpt-4o", input: prompt });
}

export function carefulMessages(question) {
  return [
    // ok: javascript.llm.secret-in-prompt
    { role: "system", content: SYSTEM_PROMPT },
    { role: "user", content: question },
  ];
}
