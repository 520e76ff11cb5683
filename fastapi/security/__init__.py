from fastapi.security.oauth2 import SecurityScopes as SecurityScopes
