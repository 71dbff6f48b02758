import { useMemo } from 'react';
import { useDatabase } from '../app/database-context';
import { authService, type AuthService } from './auth-service';

export function useAuthService(): AuthService {
  const db = useDatabase();
  return useMemo(() => authService(db), [db]);
}
