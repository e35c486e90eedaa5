PS C:\> az aks create `
  -g rg-app `
  -n aks-app `
  -c 5 `
  --network-plugin azure `
  --network-plugin-mode overlay `
  --pod-cidr "100.64.0.0/16" `
  --service-cidr '10.0.0.0/16' `
  --dns-service-ip 10.0.0.10
