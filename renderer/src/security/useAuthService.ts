import { useMemo } from 'react';
import { useDatabase } from '../db/useDatabase';
import { authService, type AuthService } from './auth-service';

export function useAuthService(): AuthService {
  const db = useDatabase();
  return useMemo(() => authService(db), [db]);
}
