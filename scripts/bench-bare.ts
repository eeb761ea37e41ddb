// The baseline: the smallest possible node:http server, measured in the same run as Oppvern.
import http from "node:http";

const port = Number(process.env.PORT ?? 3900);
http
  .createServer((_req, res) => {
    res.writeHead(200, { "content-type": "text/plain" });
    res.end("hello");
  })
  .listen(port, "127.0.0.1", () => process.stdout.write("ready\n"));
