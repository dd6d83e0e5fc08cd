window.addEventListener("message", (e: MessageEvent) => {
  // ruleid: semantics.message-data
  use(e.data);
  // ok: semantics.message-data
  use(other.data);
});

window.addEventListener("message", function (ev: MessageEvent<string>) {
  // ruleid: semantics.message-data
  render(ev.data);
});

window.addEventListener("resize", (e: UIEvent) => {
  // ok: semantics.message-data
  use(e.data);
});
