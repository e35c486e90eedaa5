az aks update --resource-group ${RESOURCE_GROUP} --name ${AKS_NAME} --outbound-type none
