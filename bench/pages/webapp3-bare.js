/* global parent, location */
// The baseline's frame (bench/webapp3.mjs): one message to the parent, naming the frame's id.
parent.postMessage({ bare: new URLSearchParams(location.search).get('id') }, '*');
