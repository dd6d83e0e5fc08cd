import DOMPurify from 'dompurify';
import React from 'react';

type Props = { html: string; bio: string };

export function Comment({ html, bio }: Props): JSX.Element {
  return (
    <div>
      {/* ruleid: javascript.react.dangerously-set-inner-html */}
      <div dangerouslySetInnerHTML={{ __html: html }} />
      {/* ruleid: javascript.react.dangerously-set-inner-html */}
      <p dangerouslySetInnerHTML={{ __html: `<b>${bio}</b>` }} />
      {/* ok: javascript.react.dangerously-set-inner-html */}
      <div dangerouslySetInnerHTML={{ __html: DOMPurify.sanitize(html) }} />
      {/* ok: javascript.react.dangerously-set-inner-html */}
      <div dangerouslySetInnerHTML={{ __html: '<hr/>' }} />
      <p>{bio}</p>
    </div>
  );
}
