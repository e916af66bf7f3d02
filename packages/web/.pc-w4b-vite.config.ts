// Temporary (helper w4b): dev server proxied to the w4b test server on :3112. Deleted after use.
import { mergeConfig } from "vite";
import base from "./vite.config";
export default mergeConfig(base, { server: { port: 5199, strictPort: true, proxy: { "/api": { target: "http://127.0.0.1:3112", changeOrigin: false } } } });
