import '@testing-library/jest-dom/vitest';
import { cleanup } from '@testing-library/react';
import { afterEach, beforeEach } from 'vitest';

// As after the app's first auth-state call: the server's CSRF cookie is there for the client to echo.
beforeEach(() => {
  document.cookie = 'XSRF-TOKEN=test-xsrf; path=/';
});
afterEach(() => cleanup());
