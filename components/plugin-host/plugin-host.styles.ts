import { css } from 'lit';

export const pluginHostStyles = css`
  /* The host adds no box of its own: the client's layout stays the client's. */
  :host {
    display: contents;
  }
`;
