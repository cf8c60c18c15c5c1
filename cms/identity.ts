/** Whether the editor signs staff in with Netlify Identity: only the git-gateway backend does. With GitHub accounts or
 * local editing the Identity widget is not loaded at all. */
export const usesNetlifyIdentity = (backend: { name: string }) => backend.name === 'git-gateway';
