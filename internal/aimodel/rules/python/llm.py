import os
import subprocess

import anthropic
import sqlalchemy
from flask import Flask, render_template, request
from langchain_core.messages import HumanMessage, SystemMessage
from langchain_core.prompts import ChatPromptTemplate
from markupsafe import Markup
from openai import OpenAI

client = OpenAI()
claude = anthropic.Anthropic()
app = Flask(__name__)

SYSTEM_PROMPT = "You are a support assistant for Example Corp. Answer briefly."


@app.post("/chat")
def chat():
    messages = [
        # ruleid: python.llm.untrusted-input-in-system-prompt
        {"role": "system", "content": f"You are helping {request.json['name']}. Follow their style guide."},
        {"role": "user", "content": request.json["question"]},
    ]
    return client.chat.completions.create(model="gpt-4o", messages=messages)


@app.post("/chat/safe")
def chat_safe():
    messages = [
        # ok: python.llm.untrusted-input-in-system-prompt
        {"role": "system", "content": SYSTEM_PROMPT},
        {"role": "user", "content": request.json["question"]},
    ]
    return client.chat.completions.create(model="gpt-4o", messages=messages)


def ask_claude(user_input):
    return claude.messages.create(
        model="claude-sonnet-4-5",
        max_tokens=1024,
        # ruleid: python.llm.untrusted-input-in-system-prompt
        system="You are a translator. Extra rules: " + user_input,
        messages=[{"role": "user", "content": "Translate the text."}],
    )


def build_chain(question):
    # ok: python.llm.untrusted-input-in-system-prompt
    prompt = ChatPromptTemplate.from_messages([("system", "Answer questions about {topic}."), ("human", "{question}")])
    # ruleid: python.llm.untrusted-input-in-system-prompt
    system = SystemMessage(content="Answer like this: " + question)
    # ok: python.llm.untrusted-input-in-system-prompt
    human = HumanMessage(content=question)
    return prompt, system, human


def run_generated_code(task):
    resp = client.chat.completions.create(model="gpt-4o", messages=[{"role": "user", "content": task}])
    code = resp.choices[0].message.content.strip()
    # ruleid: python.llm.output-to-code-execution
    exec(code)


def calculate(llm, expression):
    # ruleid: python.llm.output-to-code-execution
    return eval(llm.invoke(f"Turn into a Python expression: {expression}").content)


def calculate_safely(llm, expression):
    answer = llm.invoke(f"Compute {expression}; reply with a number only").content
    # ok: python.llm.output-to-code-execution
    return float(answer)


def run_config():
    # ok: python.llm.output-to-code-execution
    return eval(open("settings.txt").read())


def agent_shell(goal):
    msg = claude.messages.create(model="claude-sonnet-4-5", max_tokens=256, messages=[{"role": "user", "content": goal}])
    command = msg.content[0].text
    # ruleid: python.llm.output-to-shell
    os.system(command)


def agent_shell2(goal):
    r = client.responses.create(model="gpt-4o", input=goal)
    # ruleid: python.llm.output-to-shell
    return subprocess.run(r.output_text, shell=True, capture_output=True)


def agent_tools(goal):
    r = client.responses.create(model="gpt-4o", input=goal)
    tool = {"status": ["git", "status"], "log": ["git", "log", "-5"]}[r.output_text.strip()]
    # ok: python.llm.output-to-shell
    return subprocess.run(tool, capture_output=True)


def disk_usage():
    # ok: python.llm.output-to-shell
    os.system("df -h")


def text_to_sql(conn, question):
    r = client.chat.completions.create(model="gpt-4o", messages=[{"role": "user", "content": question}])
    sql = r.choices[0].message.content
    cur = conn.cursor()
    # ruleid: python.llm.output-to-sql
    cur.execute(sql)
    return cur.fetchall()


def text_to_sql_alchemy(engine, chain, question):
    with engine.connect() as c:
        # ruleid: python.llm.output-to-sql
        return c.execute(sqlalchemy.text(chain.invoke({"question": question})))


def store_answer(conn, question):
    r = client.chat.completions.create(model="gpt-4o", messages=[{"role": "user", "content": question}])
    answer = r.choices[0].message.content
    # ok: python.llm.output-to-sql
    conn.execute("INSERT INTO answers (question, answer) VALUES (?, ?)", (question, answer))


def count_rows(conn):
    # ok: python.llm.output-to-sql
    conn.execute("SELECT count(*) FROM answers")


@app.get("/answer")
def answer_html():
    r = client.chat.completions.create(model="gpt-4o", messages=[{"role": "user", "content": request.args["q"]}])
    # ruleid: python.llm.output-to-html
    return Markup(r.choices[0].message.content)


@app.get("/answer2")
def answer_html2(llm):
    reply = llm.invoke(request.args["q"]).content
    # ruleid: python.llm.output-to-html
    return Markup("<div class='answer'>" + reply + "</div>")


@app.get("/answer3")
def answer_escaped():
    r = client.chat.completions.create(model="gpt-4o", messages=[{"role": "user", "content": request.args["q"]}])
    # ok: python.llm.output-to-html
    return render_template("answer.html", answer=r.choices[0].message.content)


def banner():
    # ok: python.llm.output-to-html
    return Markup("<b>Beta</b>")


def leaky_prompt(question):
    return client.chat.completions.create(
        model="gpt-4o",
        messages=[
            # ruleid: python.llm.secret-in-prompt
            {"role": "system", "content": f"Use API key {os.environ['BILLING_API_KEY']} when calling the billing tool."},
            {"role": "user", "content": question},
        ],
    )


def leaky_prompt2(db_password, question):
    # ruleid: python.llm.secret-in-prompt
    prompt = f"Connect with password {db_password} and answer: {question}"
    return client.responses.create(model="gpt-4o", input=prompt)


def careful_prompt(question):
    # ok: python.llm.secret-in-prompt
    prompt = "Never ask the user for their password. Question: " + question
    return client.responses.create(model="gpt-4o", input=prompt)


def careful_messages(question):
    return [
        # ok: python.llm.secret-in-prompt
        {"role": "system", "content": SYSTEM_PROMPT},
        {"role": "user", "content": question},
    ]
