import { useEffect, useState } from "react";

export function Answer({ client, question }) {
  const [html, setHtml] = useState("");
  useEffect(() => {
    client.responses.create({ model: "gpt-4o", input: question }).then((r) => setHtml(r.output_text));
  }, [question]);
  return <div>{html}</div>;
}

export function RenderedAnswer({ response }) {
  // ruleid: javascript.llm.output-to-html
  return <div className="answer" dangerouslySetInnerHTML={{ __html: response.choices[0].message.content }} />;
}

export function PlainAnswer({ response }) {
  // ok: javascript.llm.output-to-html
  return <div className="answer">{response.choices[0].message.content}</div>;
}
