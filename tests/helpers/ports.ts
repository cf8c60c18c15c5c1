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
