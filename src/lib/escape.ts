/** Text made safe to put into HTML, in an element or a quoted attribute (on the server and in the browser). */
export const escapeHtml = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
