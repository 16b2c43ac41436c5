export * as api from 'host-app/api'
