import net from 'node:net';

/** Resolves once something accepts connections on 127.0.0.1:`port`. */
export function waitForPort(port: number, timeoutMs: number): Promise<void> {
	const until = Date.now() + timeoutMs;
	return new Promise((resolve, reject) => {
		const attempt = () => {
			const socket = net.connect(port, '127.0.0.1');
			socket.once('connect', () => {
				socket.end();
				resolve();
			});
			socket.once('error', () => {
				socket.destroy();
				if (Date.now() > until) reject(new Error(`Port ${port} did not open`));
				else setTimeout(attempt, 200);
			});
		};
		attempt();
	});
}

/** A port on 127.0.0.1 that nothing listens on right now (so test runs can side by side). */
export function freePort(): Promise<number> {
	return new Promise((resolve, reject) => {
		const server = net.createServer();
		server.once('error', reject);
		server.listen(0, '127.0.0.1', () => {
			const address = server.address();
			const port = typeof address === 'object' && address ? address.port : 0;
			server.close(() => resolve(port));
		});
	});
}
