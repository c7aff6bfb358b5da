import { RouterProvider } from 'react-router';
import { AppProvider, useAuthRedirects } from './provider';
import { router } from './router';

export function App() {
  return (
    <AppProvider>
      <AuthRedirects />
      <RouterProvider router={router} />
    </AppProvider>
  );
}

function AuthRedirects() {
  useAuthRedirects(router.navigate);
  return null;
}
